package io.fidelis.service;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what: the one table of endpoint permissions by role (viewer, analyst, admin; each includes the ones
 * before it). Requests are stateless: HTTP Basic, or a bearer token (a dashboard session from {@code POST
 * /api/session}, or an API token for other systems). No cookies are used, so there is nothing for CSRF to ride on.
 */
@Configuration
class SecurityConfig {

    private static final String VIEWER = "VIEWER";
    private static final String ANALYST = "ANALYST";
    private static final String ADMIN = "ADMIN";

    @Bean
    SecurityFilterChain api(HttpSecurity http, Accounts accounts) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setStatus(401);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"sign in first (HTTP Basic or a bearer token)\"}");
        };
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized))
                .addFilterBefore(new BearerTokens(accounts), BasicAuthenticationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                                + " object-src 'none'; frame-ancestors 'none'; base-uri 'none'")))
                .authorizeHttpRequests(auth -> auth
                        // the dashboard's files, the sign-in and the API's description are public
                        .requestMatchers(GET, "/", "/index.html", "/app/**", "/webjars/**", "/favicon.ico")
                        .permitAll()
                        .requestMatchers(GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers(GET, "/actuator/health")
                        .permitAll()
                        .requestMatchers(POST, "/api/session")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        // admin
                        .requestMatchers(POST, "/api/policies/*/approve", "/api/policies/*/reject")
                        .hasRole(ADMIN)
                        .requestMatchers(GET, "/api/audit", "/api/users", "/api/tokens")
                        .hasRole(ADMIN)
                        .requestMatchers(
                                POST, "/api/users", "/api/users/*/password", "/api/tokens", "/api/tokens/*/revoke")
                        .hasRole(ADMIN)
                        // analyst
                        .requestMatchers(GET, "/api/runs/*/export.csv")
                        .hasRole(ANALYST)
                        .requestMatchers(POST, "/api/classify", "/api/runs", "/api/overrides", "/api/policies")
                        .hasRole(ANALYST)
                        // viewer
                        .requestMatchers(
                                GET,
                                "/api/me",
                                "/api/overview",
                                "/api/customers",
                                "/api/customers/*",
                                "/api/runs",
                                "/api/runs/*",
                                "/api/policies",
                                "/api/policies/*",
                                "/api/policies/*/diff/*",
                                "/api/overrides",
                                "/api/evaluations",
                                "/api/evaluations/*")
                        .hasRole(VIEWER)
                        .requestMatchers(POST, "/api/session/end", "/api/me/password")
                        .hasRole(VIEWER)
                        .anyRequest()
                        .denyAll());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
