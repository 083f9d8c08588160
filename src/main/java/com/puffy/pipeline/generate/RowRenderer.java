package com.puffy.pipeline.generate;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Turns the compact simulation into the text of DATA.md: client ids, URLs with pseudonymized query values,
 * referrers, timestamps and JSON payloads. Everything derives from seeds, so a row's text depends only on the
 * generator's seed and the row's place.
 */
final class RowRenderer {
    private static final char[] ID_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-".toCharArray();
    private static final char[] TOKEN_CHARS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final Hashing hashing = new Hashing();
    private final StringBuilder sb = new StringBuilder(512);

    Hashing hashing() {
        return hashing;
    }

    // ---- client ids and e-mails ---------------------------------------------------------------------------

    /** {@code 1740268798-lvfV1k5nHCN8}: the cookie's creation second, a dash, 12 random characters. */
    String clientId(long userSeed, int createdSeconds, boolean uuid) {
        if (uuid) {
            SplittableRandom r = new SplittableRandom(userSeed);
            long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
            long lo = (r.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
            return new UUID(hi, lo).toString();
        }
        char[] chars = new char[23];
        // Unix seconds pass Integer.MAX_VALUE in 2038: the compact arrays keep them as unsigned 32-bit numbers
        // (good to 2106), and a signed rendering wrote "-208610780-…" for every visitor of 2040.
        String prefix = Integer.toUnsignedString(createdSeconds);
        prefix.getChars(0, 10, chars, 0);
        chars[10] = '-';
        long bits = Simulator.mix(userSeed, 0x5EED);
        long more = Simulator.mix(bits, 0x5EED);
        for (int i = 0; i < 12; i++) {
            long source = i < 10 ? bits >>> (i * 6) : more >>> ((i - 10) * 6);
            chars[11 + i] = ID_CHARS[(int) (source & 63)];
        }
        return new String(chars);
    }

    String emailHash(long userSeed) {
        return hashing.sha256Hex("c" + Long.toHexString(userSeed) + "@example.com");
    }

    // ---- timestamps ----------------------------------------------------------------------------------------

    /** {@code 2025-02-23T00:00:01.750Z}; {@code datePrefix} is {@code 2025-02-23T}. */
    String timestamp(String datePrefix, long millisOfDay) {
        char[] c = new char[24];
        datePrefix.getChars(0, 11, c, 0);
        int ms = (int) millisOfDay;
        int h = ms / 3_600_000;
        int m = ms / 60_000 % 60;
        int s = ms / 1000 % 60;
        int f = ms % 1000;
        c[11] = (char) ('0' + h / 10);
        c[12] = (char) ('0' + h % 10);
        c[13] = ':';
        c[14] = (char) ('0' + m / 10);
        c[15] = (char) ('0' + m % 10);
        c[16] = ':';
        c[17] = (char) ('0' + s / 10);
        c[18] = (char) ('0' + s % 10);
        c[19] = '.';
        c[20] = (char) ('0' + f / 100);
        c[21] = (char) ('0' + f / 10 % 10);
        c[22] = (char) ('0' + f % 10);
        c[23] = 'Z';
        return new String(c);
    }

    // ---- URLs ----------------------------------------------------------------------------------------------

    /** The landing page's URL and referrer of a session: where the channel shows. */
    record Landing(String url, String referrer) {
    }

    String token(long sessionSeed) {
        long bits = Simulator.mix(sessionSeed, 0xC4EC);
        long more = Simulator.mix(bits, 0xC4EC);
        char[] c = new char[26];
        for (int i = 0; i < 26; i++) {
            long source = i < 12 ? bits >>> (i * 5) : more >>> ((i - 12) * 5);
            c[i] = TOKEN_CHARS[(int) (source & 31)];
        }
        return new String(c);
    }

    String pageUrl(int page, long sessionSeed, long eventSeed) {
        if (page == Catalog.CHECKOUT_PAGE) {
            return Catalog.CHECKOUT + token(sessionSeed);
        }
        if (page == Catalog.THANK_YOU_PAGE) {
            return Catalog.CHECKOUT + token(sessionSeed) + "/thank-you";
        }
        String path = Catalog.ALL_PAGES[page];
        if (page >= Catalog.FIRST_PRODUCT && page < Catalog.FIRST_BLOG && (eventSeed & 7) < 3) {
            // Product pages often carry the chosen size, pseudonymized like every query value.
            String size = Catalog.SIZE_VALUES[(int) ((eventSeed >>> 8) % Catalog.SIZE_VALUES.length)];
            return Catalog.SHOP + path + "?size=" + hashing.queryValue(size);
        }
        return Catalog.SHOP + path;
    }

    String plainPageUrl(int page, long sessionSeed) {
        if (page == Catalog.CHECKOUT_PAGE || page == Catalog.THANK_YOU_PAGE) {
            return pageUrl(page, sessionSeed, 0);
        }
        return Catalog.SHOP + Catalog.ALL_PAGES[page];
    }

    Landing landing(int page, Channel channel, long sessionSeed) {
        SplittableRandom r = new SplittableRandom(sessionSeed);
        sb.setLength(0);
        sb.append(Catalog.SHOP).append(Catalog.ALL_PAGES[page]);
        String referrer = "";
        double x = r.nextDouble();
        switch (channel) {
            case DIRECT -> {
                if (x < 0.15) {
                    referrer = "https://puffy.com/";
                }
            }
            case ORGANIC_SEARCH -> {
                if (x < 0.68) {
                    referrer = "https://www.google.com/";
                } else if (x < 0.85) {
                    referrer = "android-app://com.google.android.googlequicksearchbox/";
                } else {
                    referrer = "https://" + hashing.pseudonymHost(pick(r, Catalog.SEARCH_HOSTS)) + "/";
                }
            }
            case PAID_SEARCH -> {
                if (x < 0.8) {
                    param("utm_source", "google");
                    param("utm_medium", "cpc");
                    param("utm_campaign", pick(r, Catalog.CAMPAIGNS));
                    param("utm_term", pick(r, Catalog.TERMS));
                    if (r.nextDouble() < 0.3) {
                        param("gad_source", "1");
                        // iOS app clicks carry wbraid instead of gbraid (DATA.md lists both). The choice comes from
                        // the session's seed, not from r, so the rest of the URL stays what it was for a seed.
                        param(bit(sessionSeed, 17) ? "wbraid" : "gbraid", randomToken(r, 24));
                    }
                    param("gclid", randomToken(r, 40));
                    referrer = r.nextDouble() < 0.6 ? "https://www.google.com/" : "";
                } else {
                    param("utm_source", "bing");
                    param("utm_medium", "cpc");
                    param("utm_campaign", pick(r, Catalog.CAMPAIGNS));
                    param("msclkid", randomToken(r, 32));
                    referrer = "https://" + hashing.pseudonymHost("www.bing.com") + "/";
                }
            }
            case PAID_SOCIAL -> {
                if (x < 0.75) {
                    param("utm_source", "facebook");
                    param("utm_medium", "paid");
                    param("utm_campaign", pick(r, Catalog.CAMPAIGNS));
                    param("utm_content", pick(r, Catalog.CONTENT));
                    param("fbclid", randomToken(r, 60));
                    double y = r.nextDouble();
                    referrer = y < 0.35 ? "https://" + hashing.pseudonymHost("m.facebook.com") + "/"
                            : y < 0.5 ? "android-app://m.facebook.com/" : "";
                } else {
                    param("utm_source", "tiktok");
                    param("utm_medium", "paid_social");
                    param("utm_campaign", pick(r, Catalog.CAMPAIGNS));
                    param("ttclid", randomToken(r, 40));
                }
            }
            case EMAIL -> {
                param("_kx", randomToken(r, 48));
                param("utm_source", "klaviyo");
                param("utm_medium", "email");
                param("utm_campaign", pick(r, Catalog.EMAIL_CAMPAIGNS));
                if (r.nextDouble() < 0.25) {
                    referrer = "android-app://com.google.android.gm/";
                }
            }
            case AFFILIATE -> {
                param("utm_source", pick(r, Catalog.AFFILIATE_SOURCES));
                param("utm_medium", "Affiliates");
                param("affid", Integer.toString(1000 + r.nextInt(9000)));
                param("oid", Integer.toString(1 + r.nextInt(40)));
                param("sub1", randomToken(r, 8));
                // sub2/sub3 and Impact's im_ref beside irclickid: keys of the real export (DATA.md), from the
                // session's seed so that r, and the rest of the URL, are unchanged.
                if (bit(sessionSeed, 19)) {
                    param("sub2", Long.toHexString(Simulator.mix(sessionSeed, 0x5B2)));
                    if (bit(sessionSeed, 20)) {
                        param("sub3", Long.toHexString(Simulator.mix(sessionSeed, 0x5B3)));
                    }
                }
                if (r.nextDouble() < 0.5) {
                    param("irclickid", randomToken(r, 30));
                    if (bit(sessionSeed, 21)) {
                        param("im_ref", Long.toHexString(Simulator.mix(sessionSeed, 0x1BEF)));
                    }
                } else {
                    param("sfdr_ptcid", randomToken(r, 20));
                }
                referrer = "https://" + hashing.pseudonymHost(pick(r, Catalog.REFERRAL_HOSTS)) + "/";
            }
            case SMS -> {
                param("utm_source", "attentive");
                param("utm_medium", "sms");
                param("utm_campaign", pick(r, Catalog.EMAIL_CAMPAIGNS));
            }
            case ORGANIC_SOCIAL -> referrer = "https://" + hashing.pseudonymHost(pick(r, Catalog.SOCIAL_HOSTS)) + "/";
            case REFERRAL -> referrer = "https://" + hashing.pseudonymHost(pick(r, Catalog.REFERRAL_HOSTS)) + "/"
                    + pick(r, Catalog.REFERRAL_PATHS);
            default -> throw new IllegalStateException("Unhandled channel " + channel);
        }
        return new Landing(sb.toString(), referrer);
    }

    private static boolean bit(long seed, int index) {
        return (Simulator.mix(seed, 0xB175) >>> index & 1) != 0;
    }

    private void param(String key, String clearValue) {
        sb.append(sb.indexOf("?") < 0 ? '?' : '&').append(key).append('=').append(hashing.queryValue(clearValue));
    }

    private static String pick(SplittableRandom r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static String randomToken(SplittableRandom r, int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = ID_CHARS[r.nextInt(62)];
        }
        return new String(c);
    }

    // ---- payloads ------------------------------------------------------------------------------------------

    /** How a purchase payload is to be written: normally, or with one of the planted defects. */
    enum Payload { NORMAL, ZERO_REVENUE, NEGATIVE_REVENUE, TEXT_REVENUE, TRAILING_COMMA }

    /** A purchase's text and its revenue in cents (as the clean order would have it). */
    record Purchase(String json, long revenueCents, int items) {
    }

    String popup(long userSeed) {
        return "{\"user_email\":\"" + emailHash(userSeed) + "\"}";
    }

    /** Single quotes instead of double: JSON5-ish, not RFC 8259. */
    String malformedPopup(long userSeed) {
        return "{'user_email': '" + emailHash(userSeed) + "'}";
    }

    Purchase purchase(String transactionId, long userSeed, long orderSeed, Payload mode, boolean nullPrices) {
        SplittableRandom r = new SplittableRandom(orderSeed);
        StringBuilder items = new StringBuilder(400);
        long revenue = 0;
        int lines = 0;
        if (mode == Payload.ZERO_REVENUE) {
            items.append("{\"item_id\":null,\"item_name\":null,\"item_variant\":null,\"quantity\":null,"
                    + "\"item_price\":null}");
            lines = 1;
        } else {
            int size = Simulator.weighted(r, Catalog.BED_SIZE_WEIGHTS);
            int accessories;
            if (r.nextDouble() < 0.6) {
                Catalog.Product mattress = Catalog.MATTRESSES[Simulator.weighted(r, Catalog.MATTRESS_WEIGHTS)];
                revenue += item(items, mattress, size, 1, r, nullPrices);
                lines++;
                double x = r.nextDouble();
                accessories = x < 0.4 ? 0 : x < 0.7 ? 1 : x < 0.88 ? 2 : x < 0.96 ? 3 : 4 + r.nextInt(2);
            } else {
                double x = r.nextDouble();
                accessories = x < 0.55 ? 1 : x < 0.85 ? 2 : 3;
            }
            boolean[] used = new boolean[Catalog.ACCESSORIES.length];
            for (int a = 0; a < accessories; a++) {
                int which = Simulator.weighted(r, Catalog.ACCESSORY_WEIGHTS);
                if (used[which]) {
                    continue;
                }
                used[which] = true;
                Catalog.Product product = Catalog.ACCESSORIES[which];
                int quantity = which == 1 ? 1 + r.nextInt(4) : r.nextDouble() < 0.1 ? 2 : 1;
                if (lines > 0) {
                    items.append(',');
                }
                revenue += item(items, product, size, quantity, r, nullPrices);
                lines++;
            }
        }
        StringBuilder json = new StringBuilder(items.length() + 200);
        json.append("{\"transaction_id\":\"").append(transactionId).append("\",\"revenue\":");
        switch (mode) {
            case ZERO_REVENUE -> json.append('0');
            case NEGATIVE_REVENUE -> json.append('-').append(money(revenue));
            case TEXT_REVENUE -> json.append("\"TBD\"");
            default -> json.append(money(revenue));
        }
        json.append(",\"items\":[").append(items).append("],\"user_email\":\"").append(emailHash(userSeed))
                .append('"');
        if (mode == Payload.TRAILING_COMMA) {
            json.append(',');
        }
        json.append('}');
        return new Purchase(json.toString(), mode == Payload.ZERO_REVENUE ? 0 : revenue, lines);
    }

    /** Appends one item; returns its line total in cents. */
    private long item(StringBuilder out, Catalog.Product product, int size, int quantity, SplittableRandom r,
                      boolean nullPrice) {
        Catalog.Size bed = Catalog.BED_SIZES[size];
        long unit = product.sized() ? roundToDollar(product.queenCents() * bed.percentOfQueen() / 100) : product.queenCents();
        int feel = product.feels().length == 0 ? -1 : r.nextInt(product.feels().length);
        StringBuilder variant = new StringBuilder(48);
        if (feel >= 0) {
            variant.append(product.feels()[feel]);
        }
        if (product.sized()) {
            if (variant.length() > 0) {
                variant.append(" / ");
            }
            variant.append(bed.name());
            if (!product.height().isEmpty()) {
                variant.append("  -  (").append(bed.dims()).append(" x ").append(product.height()).append(')');
            }
        } else if (variant.length() == 0) {
            variant.append(quantity > 1 ? "Set of " + quantity : "Standard");
        }
        String id = (product.sized() ? bed.code() + "-" : "") + product.sku()
                + (feel >= 0 ? "-" + product.feels()[feel].charAt(0) : "") + "-" + (20 + size * 2 + Math.max(0, feel));
        long line = unit * quantity;
        out.append("{\"item_id\":\"").append(id).append("\",\"item_name\":\"").append(product.name())
                .append("\",\"item_variant\":\"");
        escape(out, variant);
        out.append("\",\"quantity\":").append(quantity).append(",\"item_price\":")
                .append(nullPrice ? "null" : money(line)).append('}');
        return line;
    }

    private static long roundToDollar(long cents) {
        return (cents + 50) / 100 * 100;
    }

    private static void escape(StringBuilder out, CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
    }

    /** 245, 199.99 or 1098.50: whole amounts without decimals, others with two. */
    static String money(long cents) {
        long whole = cents / 100;
        int fraction = (int) (cents % 100);
        if (fraction == 0) {
            return Long.toString(whole);
        }
        return whole + (fraction < 10 ? ".0" : ".") + fraction;
    }
}
