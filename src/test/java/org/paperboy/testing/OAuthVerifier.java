package org.paperboy.testing;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks an OAuth 1.0a HMAC-SHA1 signature as X does (RFC 5849 §3.4), with an implementation of its
 * own: the method, the base URL (a non-default port kept) and every oauth_ and query parameter
 * sorted and encoded; a JSON or multipart body is not a parameter.
 */
final class OAuthVerifier {

  private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private final String consumerKey;
  private final String consumerSecret;
  private final String accessToken;
  private final String accessTokenSecret;

  OAuthVerifier(
      String consumerKey, String consumerSecret, String accessToken, String accessTokenSecret) {
    this.consumerKey = consumerKey;
    this.consumerSecret = consumerSecret;
    this.accessToken = accessToken;
    this.accessTokenSecret = accessTokenSecret;
  }

  /** Why the request's {@code Authorization} header is wrong, or {@code null} when it is right. */
  String problem(String method, String baseUrl, URI requested, String authorization) {
    if (authorization == null || !authorization.startsWith("OAuth ")) {
      return "no OAuth Authorization header";
    }
    Map<String, String> params = new TreeMap<>();
    Matcher m = PARAM.matcher(authorization);
    while (m.find()) {
      params.put(m.group(1), URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
    }
    String signature = params.remove("oauth_signature");
    if (signature == null) {
      return "no oauth_signature";
    }
    if (!"HMAC-SHA1".equals(params.get("oauth_signature_method"))) {
      return "oauth_signature_method is not HMAC-SHA1";
    }
    if (!consumerKey.equals(params.get("oauth_consumer_key"))) {
      return "unknown consumer key";
    }
    if (!accessToken.equals(params.get("oauth_token"))) {
      return "unknown access token";
    }
    List<String[]> all = new ArrayList<>();
    params.forEach((k, v) -> all.add(new String[] {encode(k), encode(v)}));
    String query = requested.getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        String[] kv = pair.split("=", 2);
        all.add(
            new String[] {
              encode(URLDecoder.decode(kv[0], StandardCharsets.UTF_8)),
              encode(URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8))
            });
      }
    }
    all.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    List<String> pairs = new ArrayList<>();
    all.forEach(p -> pairs.add(p[0] + "=" + p[1]));
    String base =
        method
            + "&"
            + encode(baseUrl + requested.getRawPath())
            + "&"
            + encode(String.join("&", pairs));
    String key = encode(consumerSecret) + "&" + encode(accessTokenSecret);
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      byte[] expected = mac.doFinal(base.getBytes(StandardCharsets.UTF_8));
      byte[] given = Base64.getDecoder().decode(signature);
      return MessageDigest.isEqual(expected, given) ? null : "bad signature";
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return "bad signature";
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }
}
