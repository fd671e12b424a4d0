package io.fidelis.service;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * {@code fidelis serve [--port 8080] [--workspace fidelis-workspace]}: one HTTP service on a workspace. The composition
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
            if ((arg.equals("--port") || arg.equals("--workspace")) && i + 1 < args.length) {
                out.add(option(arg) + "=" + args[++i]);
            } else if (arg.startsWith("--port=") || arg.startsWith("--workspace=")) {
                out.add(option(arg.substring(0, arg.indexOf('='))) + arg.substring(arg.indexOf('=')));
            } else if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println("Usage: fidelis serve [--port 8080] [--workspace fidelis-workspace]");
                System.out.println(
                        "Starts the REST API (OpenAPI at /v3/api-docs, /swagger-ui.html) and the dashboard.");
                System.exit(0);
            } else {
                out.add(arg);
            }
        }
        return out.toArray(String[]::new);
    }

    private static String option(String name) {
        return name.equals("--port") ? "--server.port" : "--fidelis.workspace";
    }
}
