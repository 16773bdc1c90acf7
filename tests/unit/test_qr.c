/* test_qr.c: the QR encoder: the version chosen by length at the level-M byte capacities,
 * the function patterns, the format and version bits against the standard's strings, and
 * the codewords of a version 1 symbol read back and checked against a Reed-Solomon
 * division done here independently (itself checked on the standard's worked example). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "../../cgi-bin/core/arena.h"
#include "../../cgi-bin/core/qr.h"

/* Level M byte-mode capacities of versions 1-10 (ISO/IEC 18004 Table 7). */
static const int capacity[11] = {0, 14, 26, 42, 62, 84, 106, 122, 152, 180, 213};

/* The 15-bit format strings of level M for masks 0-7 (Table C.1). */
static const unsigned int format_m[8] = {0x5412, 0x5125, 0x5E7C, 0x5B4B, 0x45F9, 0x40CE, 0x4F97, 0x4AA0};

static qr_code code;

static void encode_length(size_t len) {
    char text[300];
    for (size_t i = 0; i < len; i++)
        text[i] = (char)('A' + i % 26);
    assert_int_equal(qr_encode(text, len, &code), 0);
}

static void test_version_by_length(void **state) {
    (void)state;
    for (int v = 1; v <= 10; v++) {
        encode_length((size_t)capacity[v]);
        assert_int_equal(code.version, v);
        assert_int_equal(code.size, 17 + 4 * v);
        if (v < 10) {
            encode_length((size_t)capacity[v] + 1);
            assert_int_equal(code.version, v + 1);
        }
    }
    encode_length(1);
    assert_int_equal(code.version, 1);
    assert_int_equal(qr_encode("", 0, &code), 0);
    assert_int_equal(code.version, 1);
    char big[214];
    memset(big, 'x', sizeof big);
    assert_int_equal(qr_encode(big, 214, &code), -1);
    assert_int_equal(qr_encode(big, 1000, &code), -1);
}

/* A finder: dark 7 x 7 ring, light ring, dark 3 x 3 centre, light separator inside the
 * symbol. (row, column) is its top-left corner. */
static void assert_finder(int row, int column) {
    for (int dy = -1; dy <= 7; dy++)
        for (int dx = -1; dx <= 7; dx++) {
            int r = row + dy, c = column + dx;
            if (r < 0 || c < 0 || r >= code.size || c >= code.size)
                continue;
            int outside = dy < 0 || dy > 6 || dx < 0 || dx > 6;
            int ring1 = dy == 1 || dy == 5 || dx == 1 || dx == 5;
            int expected = !outside && !(ring1 && dy >= 1 && dy <= 5 && dx >= 1 && dx <= 5);
            assert_int_equal(code.dark[r][c], expected);
        }
}

static void test_function_patterns(void **state) {
    (void)state;
    for (int v = 1; v <= 10; v++) {
        encode_length((size_t)capacity[v] - 3);
        int n = code.size;
        assert_finder(0, 0);
        assert_finder(0, n - 7);
        assert_finder(n - 7, 0);
        for (int i = 8; i < n - 8; i++) {
            assert_int_equal(code.dark[6][i], i % 2 == 0);
            assert_int_equal(code.dark[i][6], i % 2 == 0);
        }
        assert_int_equal(code.dark[4 * v + 9][8], 1); /* the dark module */
        if (v >= 2) { /* the alignment pattern nearest the bottom-right corner */
            int at = n - 7;
            for (int dy = -2; dy <= 2; dy++)
                for (int dx = -2; dx <= 2; dx++) {
                    int edge = dy == -2 || dy == 2 || dx == -2 || dx == 2;
                    assert_int_equal(code.dark[at + dy][at + dx], edge || (dy == 0 && dx == 0));
                }
        }
    }
}

/* The two copies of the format bits, most significant first along the standard's path. */
static unsigned int format_read(int copy) {
    int n = code.size;
    unsigned int bits = 0;
    for (int i = 14; i >= 0; i--) {
        int r, c;
        if (copy == 0) {
            r = i <= 5 ? i : i == 6 ? 7 : 8;
            c = i <= 7 ? 8 : i == 8 ? 7 : 14 - i;
        } else {
            r = i <= 7 ? 8 : n - 15 + i;
            c = i <= 7 ? n - 1 - i : 8;
        }
        bits = bits << 1 | code.dark[r][c];
    }
    return bits;
}

static int format_mask(void) {
    unsigned int bits = format_read(0);
    assert_int_equal(bits, format_read(1));
    for (int mask = 0; mask < 8; mask++)
        if (bits == format_m[mask])
            return mask;
    fail_msg("format bits %#x are not one of level M's", bits);
    return -1;
}

static void test_format_bits(void **state) {
    (void)state;
    int seen[8] = {0};
    char text[64];
    for (int i = 0; i < 200; i++) {
        int len = snprintf(text, sizeof text, "https://example.org/n/%d?x=%d", i * 7919, i);
        assert_int_equal(qr_encode(text, (size_t)len, &code), 0);
        seen[format_mask()]++;
    }
    int masks = 0;
    for (int mask = 0; mask < 8; mask++)
        masks += seen[mask] > 0;
    assert_true(masks >= 4); /* the masks are chosen, not fixed */
}

static unsigned int version_read(int copy) {
    unsigned int bits = 0;
    for (int i = 17; i >= 0; i--) {
        int a = code.size - 11 + i % 3, b = i / 3;
        bits = bits << 1 | (copy == 0 ? code.dark[b][a] : code.dark[a][b]);
    }
    return bits;
}

static void test_version_bits(void **state) {
    (void)state;
    static const unsigned int expected[11] = {0, 0, 0, 0, 0, 0, 0, 0x07C94, 0x085BC, 0x09A99, 0x0A4D3};
    for (int v = 7; v <= 10; v++) {
        encode_length((size_t)capacity[v]);
        assert_int_equal(version_read(0), expected[v]);
        assert_int_equal(version_read(1), expected[v]);
    }
}

/* GF(256) through log tables, unlike the encoder's shift-and-add multiply. */
static unsigned char gf_exp[512], gf_log[256];

static void gf_init(void) {
    unsigned int x = 1;
    for (int i = 0; i < 255; i++) {
        gf_exp[i] = gf_exp[i + 255] = (unsigned char)x;
        gf_log[x] = (unsigned char)i;
        x <<= 1;
        if (x & 0x100)
            x ^= 0x11D;
    }
}

static unsigned char gf_mul(unsigned char a, unsigned char b) {
    return a && b ? gf_exp[gf_log[a] + gf_log[b]] : 0;
}

/* The check codewords of data: data(x) x^n mod g(x), by long division. */
static void rs_check(const unsigned char *data, int len, int n, unsigned char *out) {
    unsigned char g[33] = {1}; /* g[0] the leading coefficient */
    for (int i = 0; i < n; i++) {
        for (int j = i + 1; j > 0; j--)
            g[j] = g[j] ^ gf_mul(g[j - 1], gf_exp[i]);
    }
    unsigned char work[64 + 32] = {0};
    memcpy(work, data, (size_t)len);
    for (int i = 0; i < len; i++) {
        unsigned char lead = work[i];
        for (int j = 0; j <= n; j++)
            work[i + j] ^= gf_mul(g[j], lead);
    }
    memcpy(out, work + len, (size_t)n);
}

static int mask_bit(int mask, int r, int c) {
    switch (mask) {
    case 0:
        return (r + c) % 2 == 0;
    case 1:
        return r % 2 == 0;
    case 2:
        return c % 3 == 0;
    case 3:
        return (r + c) % 3 == 0;
    case 4:
        return (r / 2 + c / 3) % 2 == 0;
    case 5:
        return (r * c) % 2 + (r * c) % 3 == 0;
    case 6:
        return ((r * c) % 2 + (r * c) % 3) % 2 == 0;
    default:
        return ((r * c) % 3 + (r + c) % 2) % 2 == 0;
    }
}

/* A version 1 symbol's 26 codewords, unmasked, read up and down the column pairs. */
static void read_version1(unsigned char *codewords) {
    int mask = format_mask(), bit = 0;
    memset(codewords, 0, 26);
    for (int pair = 0; pair < 10; pair++) {
        int right = 20 - 2 * pair - (pair >= 7); /* the pairs left of column 6 shift by one */
        for (int step = 0; step < 21; step++) {
            int r = pair % 2 == 0 ? 20 - step : step;
            for (int c = right; c >= right - 1; c--) {
                int function = (r < 9 && c < 9) || (r < 9 && c > 12) || (r > 12 && c < 9) || r == 6 || c == 6;
                if (function)
                    continue;
                int dark = code.dark[r][c] ^ mask_bit(mask, r, c);
                codewords[bit / 8] |= (unsigned char)(dark << (7 - bit % 8));
                bit++;
            }
        }
    }
    assert_int_equal(bit, 26 * 8);
}

static void test_reed_solomon(void **state) {
    (void)state;
    gf_init();
    /* The worked example of the standard (Annex I, "01234567" as 1-M). */
    static const unsigned char example[16] = {0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11,
                                              0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11};
    static const unsigned char example_check[10] = {0xA5, 0x24, 0xD4, 0xC1, 0xED,
                                                    0x36, 0xC7, 0x87, 0x2C, 0x55};
    unsigned char check[10];
    rs_check(example, 16, 10, check);
    assert_memory_equal(check, example_check, 10);

    /* "wuye" in byte mode: 0100, count 4, the bytes, terminator, then EC 11 padding. */
    static const unsigned char wuye[16] = {0x40, 0x47, 0x77, 0x57, 0x96, 0x50, 0xEC, 0x11,
                                           0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11};
    unsigned char codewords[26];
    assert_int_equal(qr_encode("wuye", 4, &code), 0);
    read_version1(codewords);
    assert_memory_equal(codewords, wuye, 16);
    rs_check(wuye, 16, 10, check);
    assert_memory_equal(codewords + 16, check, 10);

    /* Bytes that are not ASCII go in as they are. */
    const char *chinese = "物业公告"; /* 12 bytes of UTF-8 */
    assert_int_equal(qr_encode(chinese, strlen(chinese), &code), 0);
    assert_int_equal(code.version, 1);
    read_version1(codewords);
    assert_int_equal(codewords[0], 0x40);
    assert_int_equal(codewords[1], 0xC0 | ((unsigned char)chinese[0] >> 4));
    rs_check(codewords, 16, 10, check);
    assert_memory_equal(codewords + 16, check, 10);
}

static void test_svg(void **state) {
    (void)state;
    arena *a = arena_new();
    const char *svg = qr_svg(a, "wuye", 200, "扫码填写 <问卷> & \"反馈\"");
    assert_non_null(svg);
    assert_int_equal(strncmp(svg, "<svg ", 5), 0);
    assert_non_null(strstr(svg, "viewBox=\"0 0 29 29\"")); /* 21 modules and the quiet zone */
    assert_non_null(strstr(svg, "width=\"200\" height=\"200\""));
    assert_non_null(strstr(svg, "shape-rendering=\"crispEdges\""));
    assert_non_null(strstr(svg, "role=\"img\""));
    assert_non_null(strstr(svg, "aria-label=\"扫码填写 &lt;问卷&gt; &amp; &quot;反馈&quot;\""));
    assert_null(strstr(svg, "style"));
    const char *path = strstr(svg, "<path");
    assert_non_null(path);
    assert_null(strstr(path + 1, "<path"));
    assert_int_equal(strcmp(svg + strlen(svg) - 6, "</svg>"), 0);

    /* The runs of the path cover exactly the dark modules, moved by the quiet zone. */
    assert_int_equal(qr_encode("wuye", 4, &code), 0);
    unsigned char drawn[QR_MAX_SIZE][QR_MAX_SIZE] = {{0}};
    const char *p = strstr(path, " d=\"") + 4;
    int x, y, run, used;
    while (sscanf(p, "M%d %dh%dv1h-%*dz%n", &x, &y, &run, &used) == 3) {
        assert_true(y >= 4 && y < 4 + code.size && x >= 4 && x + run <= 4 + code.size);
        for (int i = 0; i < run; i++)
            drawn[y - 4][x - 4 + i] = 1;
        p += used;
    }
    assert_int_equal(*p, '"');
    for (int r = 0; r < code.size; r++)
        assert_memory_equal(drawn[r], code.dark[r], (size_t)code.size);

    svg = qr_svg(a, "no label", 100, NULL);
    assert_non_null(svg);
    assert_null(strstr(svg, "aria-label"));
    char big[215];
    memset(big, 'x', 214);
    big[214] = '\0';
    assert_null(qr_svg(a, big, 100, NULL));
    big[213] = '\0';
    assert_non_null(qr_svg(a, big, 100, NULL));
    arena_free(a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_version_by_length), cmocka_unit_test(test_function_patterns),
        cmocka_unit_test(test_format_bits),       cmocka_unit_test(test_version_bits),
        cmocka_unit_test(test_reed_solomon),      cmocka_unit_test(test_svg),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
