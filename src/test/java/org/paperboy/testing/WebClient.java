package org.paperboy.testing;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser, for the dashboard's protocol: it keeps cookies, follows no redirect
 * (tests look at them), and reads each page's form token as a browser would submit it.
 */
public final class WebClient {

  private static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private final String base;
  private final HttpClient http;
  private String token;

  public WebClient(DashboardService service) {
    this(service.url(""));
  }

  /** A client of the dashboard at {@code base}, such as {@code http://127.0.0.1:8080}. */
  public WebClient(String base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** {@code GET path}, remembering the token of the page's forms. */
  public HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    Matcher found = TOKEN.matcher(response.body());
    if (found.find()) {
      token = found.group(1);
    }
    return response;
  }

  /** {@code POST path} with {@code form} as a browser encodes it, and {@code headers}. */
  public HttpResponse<String> post(String path, Map<String, String> form, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts {@code form} with the token of the last page read, as its form would. */
  public HttpResponse<String> submit(String path, Map<String, String> form, String... headers)
      throws Exception {
    Map<String, String> withToken = new LinkedHashMap<>(form);
    withToken.put("csrf", token);
    return post(path, withToken, headers);
  }

  /**
   * Logs in through the login form and, when it lets them in, reads the page it leads to (whose
   * forms' token the next {@link #submit} sends); returns the answer to the form's POST.
   */
  public HttpResponse<String> logIn(String username, String password, String... headers)
      throws Exception {
    get("/login", headers);
    HttpResponse<String> answer =
        submit("/login", Map.of("username", username, "password", password), headers);
    if (answer.statusCode() == 303) {
      get(answer.headers().firstValue("Location").orElseThrow(), headers);
    }
    return answer;
  }

  /** The token the last page's forms carry. */
  public String token() {
    return token;
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
