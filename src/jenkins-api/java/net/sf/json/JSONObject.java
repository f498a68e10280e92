package net.sf.json;

/** Declaration of json-lib 2.4-jenkins-8 {@code net.sf.json.JSONObject} (compile-only, never packaged). */
public final class JSONObject {
    public boolean has(String key) {
        throw new UnsupportedOperationException("compile-only declaration");
    }

    public String optString(String key) {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
