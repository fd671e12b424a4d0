package io.fidelis.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * {@code fidelis serve [--port 8080] [--workspace fidelis-workspace] [--db URL --db-user USER | --db-config FILE]}:
 * one HTTP service on a workspace's store (its own DuckDB, or PostgreSQL). The composition
 * root of the service: Spring wires the few beans declared in this package.
 */
@SpringBootApplication
public class FidelisService {

    public static void main(String[] args) {
        SpringApplication.run(FidelisService.class, springArguments(args));
    }

    /** The command's options in Spring's terms: {@code --port} is {@code server.port}, {@code --workspace} ours. */
    static String[] springArguments(String[] args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("serve")) {
                continue;
            }
            if (OPTIONS.containsKey(arg) && i + 1 < args.length) {
                out.add(option(arg) + "=" + args[++i]);
            } else if (arg.contains("=") && OPTIONS.containsKey(arg.substring(0, arg.indexOf('=')))) {
                out.add(option(arg.substring(0, arg.indexOf('='))) + arg.substring(arg.indexOf('=')));
            } else if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println("Usage: fidelis serve [--port 8080] [--workspace fidelis-workspace]"
                        + " [--db jdbc:postgresql://host:port/db --db-user USER | --db-config FILE]");
                System.out.println("The database password comes from db.password of --db-config, else"
                        + " $FIDELIS_DB_PASSWORD (never from the command line); see docs/postgresql.md.");
                System.out.println(
                        "Starts the REST API (OpenAPI at /v3/api-docs, /swagger-ui.html) and the dashboard.");
                System.exit(0);
            } else {
                out.add(arg);
            }
        }
        return out.toArray(String[]::new);
    }

    /** The command's options and the Spring properties they set. */
    private static final Map<String, String> OPTIONS = Map.of(
            "--port", "--server.port",
            "--workspace", "--fidelis.workspace",
            "--db", "--fidelis.db.url",
            "--db-user", "--fidelis.db.user",
            "--db-config", "--fidelis.db.config");

    private static String option(String name) {
        return OPTIONS.get(name);
    }
}
