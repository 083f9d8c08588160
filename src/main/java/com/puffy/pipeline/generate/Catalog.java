package com.puffy.pipeline.generate;

import java.util.List;

/**
 * The vocabulary of the synthetic shop: pages, products with line prices, user agents, campaign values and
 * referrer hosts. Everything here is a fixed list, so a seed alone decides what is generated.
 */
final class Catalog {
    private Catalog() {
    }

    static final String SHOP = "https://puffy.com";
    static final String CHECKOUT = "https://checkout.puffy.com/checkouts/cn/";

    // ---- pages ---------------------------------------------------------------------------------------------

    static final String[] HOME_AND_COLLECTIONS = {
            "/", "/collections/mattresses", "/collections/bedding", "/collections/pillows", "/collections/bed-frames",
            "/collections/sale", "/collections/all", "/pages/compare-mattresses", "/pages/reviews",
            "/pages/financing", "/pages/101-night-sleep-trial"};

    static final String[] PRODUCT_PAGES = {
            "/products/puffy-mattress", "/products/puffy-lux-mattress", "/products/puffy-royal-hybrid-mattress",
            "/products/puffy-cloud-mattress", "/products/deluxe-mattress-topper", "/products/puffy-pillow",
            "/products/mattress-protector", "/products/puffy-sheets", "/products/weighted-blanket",
            "/products/puffy-comforter", "/products/adjustable-base", "/products/puffy-foundation"};

    static final String[] BLOG_PAGES = {
            "/blogs/sleep/how-to-choose-a-mattress", "/blogs/sleep/best-sleeping-position",
            "/blogs/sleep/memory-foam-vs-hybrid", "/blogs/sleep/how-often-to-replace-a-mattress",
            "/blogs/sleep/mattress-sizes-and-dimensions", "/blogs/news/puffy-vs-purple",
            "/blogs/sleep/back-pain-mattress-guide", "/blogs/sleep/how-to-clean-a-mattress"};

    static final String CART_PAGE = "/cart";

    /** Page ids: 0..n-1 index {@link #ALL_PAGES}; the two checkout pages are rendered with the session's token. */
    static final String[] ALL_PAGES = concat(HOME_AND_COLLECTIONS, PRODUCT_PAGES, BLOG_PAGES, new String[]{CART_PAGE});
    static final int FIRST_PRODUCT = HOME_AND_COLLECTIONS.length;
    static final int FIRST_BLOG = FIRST_PRODUCT + PRODUCT_PAGES.length;
    static final int CART = ALL_PAGES.length - 1;
    static final int CHECKOUT_PAGE = ALL_PAGES.length;
    static final int THANK_YOU_PAGE = ALL_PAGES.length + 1;
    static final int HOME = 0;

    private static String[] concat(String[]... parts) {
        int n = 0;
        for (String[] p : parts) {
            n += p.length;
        }
        String[] all = new String[n];
        int i = 0;
        for (String[] p : parts) {
            System.arraycopy(p, 0, all, i, p.length);
            i += p.length;
        }
        return all;
    }

    // ---- products: item_price is the line total, so only unit prices live here --------------------------------

    record Size(String name, String code, String dims, int percentOfQueen) {
    }

    static final Size[] BED_SIZES = {
            new Size("Twin", "T", "38\"W x 75\"L", 62), new Size("Twin XL", "TXL", "38\"W x 80\"L", 68),
            new Size("Full", "F", "54\"W x 75\"L", 85), new Size("Queen", "Q", "60\"W x 80\"L", 100),
            new Size("King", "K", "76\"W x 80\"L", 124), new Size("Cal King", "CK", "72\"W x 84\"L", 124)};
    /** How often each bed size is bought, in percent (Queen dominates). */
    static final int[] BED_SIZE_WEIGHTS = {6, 4, 10, 50, 24, 6};

    /**
     * A product: SKU stem, display name, firmness options (empty: none), height for the variant text, and the Queen
     * unit price in cents. Prices of other sizes scale with {@link Size#percentOfQueen()}.
     */
    record Product(String sku, String name, String[] feels, String height, long queenCents, boolean sized) {
    }

    static final Product[] MATTRESSES = {
            new Product("MATT", "The Puffy Mattress", new String[]{"Medium Firm"}, "10\"H", 84_900, true),
            new Product("CLOUD", "Puffy Cloud Mattress", new String[]{"Medium Plush"}, "11\"H", 69_900, true),
            new Product("LUX", "Puffy Lux Hybrid Mattress", new String[]{"Plush", "Medium"}, "12\"H", 129_900, true),
            new Product("ROYAL", "Puffy Royal Hybrid Mattress", new String[]{"Luxury Plush", "Medium"}, "14\"H",
                    184_900, true)};
    static final int[] MATTRESS_WEIGHTS = {40, 20, 28, 12};

    static final Product[] ACCESSORIES = {
            new Product("TOPPR", "Puffy Deluxe Mattress Topper", new String[]{"Firm", "Plush"}, "2.5\"H", 24_500, true),
            new Product("PILLW", "Puffy Pillow", new String[]{}, "", 8_900, false),
            new Product("PROTC", "Puffy Mattress Protector", new String[]{}, "", 9_900, true),
            new Product("SHEET", "Puffy Sheets", new String[]{"White", "Stone Grey"}, "", 14_900, true),
            new Product("BLNKT", "Puffy Weighted Blanket", new String[]{"15 lbs", "20 lbs"}, "", 19_999, false),
            new Product("CMFRT", "Puffy Comforter", new String[]{}, "", 19_900, true),
            new Product("FOUND", "Puffy Foundation", new String[]{}, "9\"H", 29_900, true),
            new Product("ADJBS", "Puffy Adjustable Base", new String[]{}, "", 119_900, true)};
    static final int[] ACCESSORY_WEIGHTS = {20, 30, 16, 14, 5, 6, 6, 3};

    // ---- user agents ---------------------------------------------------------------------------------------

    enum Device { MOBILE, DESKTOP, TABLET, BOT }

    record Agent(String text, Device device, int weight) {
        boolean needsQuotes() {
            return text.indexOf(',') >= 0;
        }
    }

    static final List<Agent> HUMAN_AGENTS = List.of(
            new Agent("Mozilla/5.0 (iPhone; CPU iPhone OS 18_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 Mobile/15E148 Safari/604.1", Device.MOBILE, 190),
            new Agent("Mozilla/5.0 (iPhone; CPU iPhone OS 17_6_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1", Device.MOBILE, 80),
            new Agent("Mozilla/5.0 (iPhone; CPU iPhone OS 18_2_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/22C161 [FBAN/FBIOS;FBAV/497.0.0.45.109;FBBV/692349071;FBDV/iPhone15,2;FBMD/iPhone;FBSN/iOS;FBSV/18.2.1;FBSS/3;FBID/phone;FBLC/en_US;FBOP/5;FBRV/694120389]", Device.MOBILE, 35),
            new Agent("Mozilla/5.0 (iPhone; CPU iPhone OS 18_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) GSA/355.0.716457000 Mobile/15E148 Safari/604.1", Device.MOBILE, 25),
            new Agent("Mozilla/5.0 (iPhone; CPU iPhone OS 18_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/133.0.6943.84 Mobile/15E148 Safari/604.1", Device.MOBILE, 20),
            new Agent("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Mobile Safari/537.36", Device.MOBILE, 165),
            new Agent("Mozilla/5.0 (Linux; Android 14; SM-S928U Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/132.0.6834.163 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/498.0.0.54.74;]", Device.MOBILE, 20),
            new Agent("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.6943.89 Mobile Safari/537.36", Device.MOBILE, 15),
            new Agent("Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-A536U) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/27.0 Chrome/125.0.0.0 Mobile Safari/537.36", Device.MOBILE, 15),
            new Agent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Safari/537.36", Device.DESKTOP, 130),
            new Agent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Safari/537.36 Edg/133.0.0.0", Device.DESKTOP, 45),
            new Agent("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 Safari/605.1.15", Device.DESKTOP, 55),
            new Agent("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Safari/537.36", Device.DESKTOP, 60),
            new Agent("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:135.0) Gecko/20100101 Firefox/135.0", Device.DESKTOP, 20),
            new Agent("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Safari/537.36", Device.DESKTOP, 5),
            new Agent("Mozilla/5.0 (iPad; CPU OS 18_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 Mobile/15E148 Safari/604.1", Device.TABLET, 12),
            new Agent("Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Safari/537.36", Device.TABLET, 4));

    /** Crawlers, link previewers and headless browsers; every one matches the default bot pattern of SPEC §4. */
    static final List<Agent> BOT_AGENTS = List.of(
            new Agent("Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.6943.53 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", Device.BOT, 30),
            new Agent("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", Device.BOT, 12),
            new Agent("Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)", Device.BOT, 14),
            new Agent("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", Device.BOT, 10),
            new Agent("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/133.0.0.0 Safari/537.36", Device.BOT, 10),
            new Agent("Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.6943.53 Mobile Safari/537.36 (compatible; AdsBot-Google-Mobile; +http://www.google.com/mobile/adsbot.html)", Device.BOT, 10),
            new Agent("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)", Device.BOT, 7),
            new Agent("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36", Device.BOT, 7));

    /** The headless browser of the planted bot burst. */
    static final String HEADLESS_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/133.0.6943.53 Safari/537.36";

    // ---- campaigns and referrers -----------------------------------------------------------------------------

    static final String[] CAMPAIGNS = {
            "presidents_day_sale", "brand_search", "nonbrand_mattress", "prospecting_broad", "retargeting_7d",
            "lux_hybrid_launch", "spring_preview", "evergreen"};
    static final String[] CONTENT = {"video_a", "carousel_b", "static_c", "ugc_reel", "headline_2"};
    static final String[] TERMS = {"puffy mattress", "best mattress", "memory foam mattress", "hybrid mattress queen",
            "mattress sale"};
    static final String[] SIZE_VALUES = {"queen", "king", "full", "twin", "cal-king"};
    static final String[] AFFILIATE_SOURCES = {"impact", "sleepopolis", "rakuten", "slickdeals"};
    static final String[] EMAIL_CAMPAIGNS = {"welcome_flow_2", "abandoned_cart_1", "weekly_newsletter",
            "presidents_day_last_call"};

    /** Third parties the export pseudonymizes; organic social and search hosts the channel rules know. */
    static final String[] SOCIAL_HOSTS = {"www.facebook.com", "l.facebook.com", "m.facebook.com", "l.instagram.com",
            "www.instagram.com", "www.pinterest.com", "www.reddit.com"};
    static final String[] SEARCH_HOSTS = {"www.bing.com", "duckduckgo.com", "search.yahoo.com", "www.ecosia.org"};
    static final String[] REFERRAL_HOSTS = {"www.sleepfoundation.org", "www.mattressclarity.com",
            "www.sleepopolis.com", "www.nytimes.com", "www.tomsguide.com", "www.goodhousekeeping.com",
            "www.mattress-nerd.com"};
    static final String[] REFERRAL_PATHS = {"best-mattress/", "reviews/puffy-lux-review/",
            "wirecutter/reviews/best-mattress/?utm_source=rss", "best-mattresses-2025", "comparisons/puffy-vs-nectar/"};
}
