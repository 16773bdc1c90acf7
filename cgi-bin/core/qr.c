/* qr.c: the QR encoder of qr.h (ISO/IEC 18004): byte mode, level M, versions 1-10.
 * The data and Reed-Solomon codewords of each block, interleaved and laid in the zigzag;
 * the function patterns; the mask of the lowest penalty; the format and version bits. */
#include "qr.h"

#include <stdio.h>
#include <string.h>

#define QR_MAX_CODEWORDS 346 /* version 10 */
#define QR_MAX_BLOCKS 5

/* Level M for versions 1-10 (Table 9): error correction codewords per block, then the
 * number of blocks and data codewords per block of the first group and of the second,
 * whose blocks hold one data codeword more. */
static const struct {
    unsigned char ecc, blocks1, data1, blocks2;
} level_m[11] = {
    {0, 0, 0, 0},   {10, 1, 16, 0}, {16, 1, 28, 0}, {26, 1, 44, 0}, {18, 2, 32, 0}, {24, 2, 43, 0},
    {16, 4, 27, 0}, {18, 4, 31, 0}, {22, 2, 38, 2}, {22, 3, 36, 2}, {26, 4, 43, 1},
};

/* Centres of the alignment patterns along each axis (Annex E), 0-terminated. */
static const unsigned char alignment_at[11][4] = {
    {0}, {0}, {6, 18}, {6, 22}, {6, 26}, {6, 30}, {6, 34}, {6, 22, 38}, {6, 24, 42}, {6, 26, 46}, {6, 28, 50},
};

typedef struct matrix {
    int size;
    unsigned char dark[QR_MAX_SIZE][QR_MAX_SIZE];
    unsigned char function[QR_MAX_SIZE][QR_MAX_SIZE]; /* 1: not a data module */
} matrix;

static int data_codewords(int version) {
    return level_m[version].blocks1 * level_m[version].data1 +
           level_m[version].blocks2 * (level_m[version].data1 + 1);
}

/* GF(256) with the polynomial x^8 + x^4 + x^3 + x^2 + 1 of the standard. */
static unsigned char gf_multiply(unsigned char x, unsigned char y) {
    unsigned int product = 0;
    for (int i = 7; i >= 0; i--) {
        product = (product << 1) ^ ((product >> 7) * 0x11D);
        product ^= ((y >> i) & 1u) * x;
    }
    return (unsigned char)product;
}

/* The generator polynomial of degree n, the product of (x - 2^i) for i < n, without its
 * leading 1: coefficients of x^(n-1) down to x^0. */
static void rs_generator(int n, unsigned char *generator) {
    memset(generator, 0, (size_t)n);
    generator[n - 1] = 1;
    unsigned char root = 1;
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
            generator[j] = gf_multiply(generator[j], root);
            if (j + 1 < n)
                generator[j] ^= generator[j + 1];
        }
        root = gf_multiply(root, 0x02);
    }
}

/* The remainder of data times x^n divided by the generator: the n check codewords. */
static void rs_remainder(const unsigned char *data, int len, const unsigned char *generator, int n,
                         unsigned char *out) {
    memset(out, 0, (size_t)n);
    for (int i = 0; i < len; i++) {
        unsigned char factor = data[i] ^ out[0];
        memmove(out, out + 1, (size_t)(n - 1));
        out[n - 1] = 0;
        for (int j = 0; j < n; j++)
            out[j] ^= gf_multiply(generator[j], factor);
    }
}

static void put_bits(unsigned char *out, int *bit, unsigned int value, int nbits) {
    for (int i = nbits - 1; i >= 0; i--, (*bit)++)
        out[*bit >> 3] |= (unsigned char)(((value >> i) & 1u) << (7 - (*bit & 7)));
}

/* The data codewords: mode 0100, the count, the bytes, the terminator, the pad bytes. */
static void encode_data(const char *text, size_t len, int version, unsigned char *out) {
    int capacity = data_codewords(version);
    memset(out, 0, (size_t)capacity);
    int bit = 0;
    put_bits(out, &bit, 4, 4);
    put_bits(out, &bit, (unsigned int)len, version < 10 ? 8 : 16);
    for (size_t i = 0; i < len; i++)
        put_bits(out, &bit, (unsigned char)text[i], 8);
    /* The terminator is zero bits, already there; so is the padding to a byte. */
    int used = (bit + 4 + 7) / 8;
    if (used > capacity)
        used = capacity;
    for (int i = used, pad = 0; i < capacity; i++, pad ^= 1)
        out[i] = pad ? 0x11 : 0xEC;
}

/* All codewords in the order they are placed: the data codewords of the blocks
 * interleaved, then their check codewords interleaved. Returns their number. */
static int make_codewords(const unsigned char *data, int version, unsigned char *out) {
    int ecc = level_m[version].ecc, data1 = level_m[version].data1;
    int blocks = level_m[version].blocks1 + level_m[version].blocks2;
    unsigned char generator[32], check[QR_MAX_BLOCKS][32];
    const unsigned char *block[QR_MAX_BLOCKS];
    int block_len[QR_MAX_BLOCKS];
    rs_generator(ecc, generator);
    for (int b = 0, at = 0; b < blocks; b++) {
        block[b] = data + at;
        block_len[b] = b < level_m[version].blocks1 ? data1 : data1 + 1;
        rs_remainder(block[b], block_len[b], generator, ecc, check[b]);
        at += block_len[b];
    }
    int n = 0;
    for (int i = 0; i <= data1; i++)
        for (int b = 0; b < blocks; b++)
            if (i < block_len[b])
                out[n++] = block[b][i];
    for (int i = 0; i < ecc; i++)
        for (int b = 0; b < blocks; b++)
            out[n++] = check[b][i];
    return n;
}

static void set_function(matrix *m, int row, int column, int dark) {
    m->dark[row][column] = (unsigned char)(dark != 0);
    m->function[row][column] = 1;
}

/* A finder pattern centred at (row, column) with its light separator, clipped. */
static void draw_finder(matrix *m, int row, int column) {
    for (int dy = -4; dy <= 4; dy++)
        for (int dx = -4; dx <= 4; dx++) {
            int r = row + dy, c = column + dx;
            if (r < 0 || r >= m->size || c < 0 || c >= m->size)
                continue;
            int ring = dx < 0 ? -dx : dx;
            if ((dy < 0 ? -dy : dy) > ring)
                ring = dy < 0 ? -dy : dy;
            set_function(m, r, c, ring != 2 && ring != 4);
        }
}

static void draw_alignment(matrix *m, int row, int column) {
    for (int dy = -2; dy <= 2; dy++)
        for (int dx = -2; dx <= 2; dx++) {
            int ring = dx < 0 ? -dx : dx;
            if ((dy < 0 ? -dy : dy) > ring)
                ring = dy < 0 ? -dy : dy;
            set_function(m, row + dy, column + dx, ring != 1);
        }
}

/* The 15 format bits for level M (bits 00) and mask: BCH(15,5), masked with 0x5412. */
static unsigned int format_bits(int mask) {
    unsigned int data = (unsigned int)mask, rem = data;
    for (int i = 0; i < 10; i++)
        rem = (rem << 1) ^ ((rem >> 9) * 0x537u);
    return ((data << 10) | (rem & 0x3FFu)) ^ 0x5412u;
}

/* Both copies of the format bits, bit 0 the least significant, and the dark module. */
static void draw_format(matrix *m, int mask) {
    unsigned int bits = format_bits(mask);
    int n = m->size;
    for (int i = 0; i <= 5; i++)
        set_function(m, i, 8, (bits >> i) & 1u);
    set_function(m, 7, 8, (bits >> 6) & 1u);
    set_function(m, 8, 8, (bits >> 7) & 1u);
    set_function(m, 8, 7, (bits >> 8) & 1u);
    for (int i = 9; i < 15; i++)
        set_function(m, 8, 14 - i, (bits >> i) & 1u);
    for (int i = 0; i < 8; i++)
        set_function(m, 8, n - 1 - i, (bits >> i) & 1u);
    for (int i = 8; i < 15; i++)
        set_function(m, n - 15 + i, 8, (bits >> i) & 1u);
    set_function(m, n - 8, 8, 1);
}

/* The 18 version bits (versions 7 and up): BCH(18,6), in the two 6 x 3 blocks. */
static void draw_version(matrix *m, int version) {
    if (version < 7)
        return;
    unsigned int rem = (unsigned int)version;
    for (int i = 0; i < 12; i++)
        rem = (rem << 1) ^ ((rem >> 11) * 0x1F25u);
    unsigned int bits = ((unsigned int)version << 12) | (rem & 0xFFFu);
    for (int i = 0; i < 18; i++) {
        int a = m->size - 11 + i % 3, b = i / 3;
        set_function(m, b, a, (bits >> i) & 1u);
        set_function(m, a, b, (bits >> i) & 1u);
    }
}

static void draw_function_patterns(matrix *m, int version) {
    int n = m->size;
    for (int i = 0; i < n; i++) {
        set_function(m, 6, i, i % 2 == 0);
        set_function(m, i, 6, i % 2 == 0);
    }
    draw_finder(m, 3, 3);
    draw_finder(m, 3, n - 4);
    draw_finder(m, n - 4, 3);
    const unsigned char *at = alignment_at[version];
    for (int i = 0; at[i]; i++)
        for (int j = 0; at[j]; j++) {
            int last = at[i + 1] == 0, last_j = at[j + 1] == 0;
            if ((i == 0 && j == 0) || (i == 0 && last_j) || (last && j == 0))
                continue; /* where a finder is */
            draw_alignment(m, at[i], at[j]);
        }
    draw_format(m, 0); /* reserves the format area; drawn again once the mask is chosen */
    draw_version(m, version);
}

/* The codewords' bits, most significant first, up the zigzag of two-module columns from
 * the right; modules left over (remainder bits) stay light. */
static void place_codewords(matrix *m, const unsigned char *codewords, int count) {
    int n = m->size, i = 0;
    for (int right = n - 1; right >= 1; right -= 2) {
        if (right == 6)
            right = 5; /* the vertical timing pattern */
        int upward = ((right + 1) & 2) == 0;
        for (int vert = 0; vert < n; vert++)
            for (int j = 0; j < 2; j++) {
                int column = right - j, row = upward ? n - 1 - vert : vert;
                if (m->function[row][column] || i >= count * 8)
                    continue;
                m->dark[row][column] = (codewords[i >> 3] >> (7 - (i & 7))) & 1;
                i++;
            }
    }
}

static int mask_inverts(int mask, int row, int column) {
    switch (mask) {
    case 0:
        return (row + column) % 2 == 0;
    case 1:
        return row % 2 == 0;
    case 2:
        return column % 3 == 0;
    case 3:
        return (row + column) % 3 == 0;
    case 4:
        return (row / 2 + column / 3) % 2 == 0;
    case 5:
        return row * column % 2 + row * column % 3 == 0;
    case 6:
        return (row * column % 2 + row * column % 3) % 2 == 0;
    default:
        return ((row + column) % 2 + row * column % 3) % 2 == 0;
    }
}

/* Applying a mask twice undoes it. */
static void apply_mask(matrix *m, int mask) {
    for (int r = 0; r < m->size; r++)
        for (int c = 0; c < m->size; c++)
            if (!m->function[r][c] && mask_inverts(mask, r, c))
                m->dark[r][c] ^= 1;
}

/* Module (row, column), or of column row when transposed; light outside the symbol. */
static int module_at(const matrix *m, int transposed, int line, int i) {
    if (i < 0 || i >= m->size)
        return 0;
    return transposed ? m->dark[i][line] : m->dark[line][i];
}

/* Rules 1 and 3 along one row or column: runs of five or more of a colour, and the
 * 1:1:3:1:1 finder-like pattern with four light modules on either side. */
static long line_penalty(const matrix *m, int transposed, int line) {
    static const unsigned char pattern[11] = {1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0};
    long penalty = 0;
    int run = 0;
    for (int i = 0; i < m->size; i++) {
        if (i > 0 && module_at(m, transposed, line, i) == module_at(m, transposed, line, i - 1))
            run++;
        else
            run = 1;
        if (run == 5)
            penalty += 3;
        else if (run > 5)
            penalty += 1;
    }
    for (int i = -10; i < m->size; i++) {
        int forward = 1, backward = 1;
        for (int k = 0; k < 11; k++) {
            int v = module_at(m, transposed, line, i + k);
            forward &= v == pattern[k];
            backward &= v == pattern[10 - k];
        }
        penalty += 40 * (forward + backward);
    }
    return penalty;
}

/* The four penalty rules of 7.8.3 over the whole symbol. */
static long penalty_score(const matrix *m) {
    int n = m->size;
    long penalty = 0, dark = 0;
    for (int line = 0; line < n; line++)
        penalty += line_penalty(m, 0, line) + line_penalty(m, 1, line);
    for (int r = 0; r < n; r++)
        for (int c = 0; c < n; c++) {
            dark += m->dark[r][c];
            if (r + 1 < n && c + 1 < n && m->dark[r][c] == m->dark[r][c + 1] &&
                m->dark[r][c] == m->dark[r + 1][c] && m->dark[r][c] == m->dark[r + 1][c + 1])
                penalty += 3;
        }
    long total = (long)n * n, deviation = dark * 20 - total * 10;
    if (deviation < 0)
        deviation = -deviation;
    long k = (deviation + total - 1) / total - 1; /* whole 5% steps away from half dark */
    return penalty + (k > 0 ? k : 0) * 10;
}

int qr_encode(const char *text, size_t len, qr_code *out) {
    if (!out || (!text && len > 0))
        return -1;
    int version = 1;
    while (version <= 10 && (size_t)data_codewords(version) * 8 < 4 + (version < 10 ? 8 : 16) + len * 8)
        version++;
    if (version > 10)
        return -1;
    unsigned char data[QR_MAX_CODEWORDS], codewords[QR_MAX_CODEWORDS];
    encode_data(text, len, version, data);
    int count = make_codewords(data, version, codewords);
    matrix m;
    memset(&m, 0, sizeof m);
    m.size = 17 + 4 * version;
    draw_function_patterns(&m, version);
    place_codewords(&m, codewords, count);
    int best = 0;
    long best_penalty = -1;
    for (int mask = 0; mask < 8; mask++) {
        apply_mask(&m, mask);
        draw_format(&m, mask);
        long penalty = penalty_score(&m);
        if (best_penalty < 0 || penalty < best_penalty) {
            best = mask;
            best_penalty = penalty;
        }
        apply_mask(&m, mask);
    }
    apply_mask(&m, best);
    draw_format(&m, best);
    out->version = version;
    out->size = m.size;
    memset(out->dark, 0, sizeof out->dark);
    for (int r = 0; r < m.size; r++)
        memcpy(out->dark[r], m.dark[r], (size_t)m.size);
    return 0;
}

/* label escaped for an XML attribute into out; returns the length written. */
static size_t escape_attribute(const char *label, char *out) {
    size_t n = 0;
    for (const char *p = label; *p; p++) {
        const char *entity = *p == '&'    ? "&amp;"
                             : *p == '<'  ? "&lt;"
                             : *p == '>'  ? "&gt;"
                             : *p == '"'  ? "&quot;"
                             : *p == '\'' ? "&#39;"
                                          : NULL;
        if (entity) {
            memcpy(out + n, entity, strlen(entity));
            n += strlen(entity);
        } else {
            out[n++] = *p;
        }
    }
    out[n] = '\0';
    return n;
}

const char *qr_svg(arena *a, const char *text, int px, const char *label) {
    qr_code code;
    if (!a || !text || px < 1 || qr_encode(text, strlen(text), &code) != 0)
        return NULL;
    int side = code.size + 8; /* the 4-module quiet zone all round */
    /* At most one run in two modules per row, each "M60 60h29v1h-29z" (16 bytes). */
    size_t label_len = label ? strlen(label) : 0;
    size_t cap = 512 + label_len * 6 + (size_t)code.size * (size_t)(code.size / 2 + 1) * 24;
    char *svg = arena_alloc(a, cap);
    if (!svg)
        return NULL;
    size_t n = 0;
    n += (size_t)snprintf(svg + n, cap - n,
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 %d %d\" "
                          "width=\"%d\" height=\"%d\" shape-rendering=\"crispEdges\"",
                          side, side, px, px);
    if (label) {
        n += (size_t)snprintf(svg + n, cap - n, " role=\"img\" aria-label=\"");
        n += escape_attribute(label, svg + n);
        n += (size_t)snprintf(svg + n, cap - n, "\"");
    } else {
        n += (size_t)snprintf(svg + n, cap - n, " aria-hidden=\"true\""); /* no name: decoration */
    }
    n += (size_t)snprintf(svg + n, cap - n,
                          "><rect width=\"%d\" height=\"%d\" fill=\"#fff\"/><path fill=\"#000\" d=\"", side,
                          side);
    for (int r = 0; r < code.size; r++)
        for (int c = 0; c < code.size;) {
            if (!code.dark[r][c]) {
                c++;
                continue;
            }
            int run = 1;
            while (c + run < code.size && code.dark[r][c + run])
                run++;
            n += (size_t)snprintf(svg + n, cap - n, "M%d %dh%dv1h-%dz", c + 4, r + 4, run, run);
            c += run;
        }
    snprintf(svg + n, cap - n, "\"/></svg>");
    return svg;
}
