/* jobs/qr.c: wuye-qr, the QR code of a text as the pages draw it, printed as SVG or as a
 * plain PBM image, for printing a code by hand and for checking codes with a scanner. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/arena.h"
#include "../core/qr.h"

static void usage(void) {
    fputs("usage: wuye-qr [--svg|--pbm] [--scale=N] [--label=TEXT] TEXT\n"
          "  --svg      an SVG element, as the pages inline it (the default)\n"
          "  --pbm      a plain PBM (P1) image, one module N x N pixels\n"
          "  --scale    pixels per module, 1-64 (default 4)\n"
          "  --label    the SVG's aria-label\n"
          "  TEXT       at most 213 bytes (version 10, level M)\n",
          stderr);
}

/* The code with its 4-module quiet zone, each module scale x scale pixels, 1 dark. */
static void print_pbm(const qr_code *code, int scale) {
    int side = (code->size + 8) * scale;
    printf("P1\n# wuye-qr version %d\n%d %d\n", code->version, side, side);
    for (int y = 0; y < side; y++) {
        int row = y / scale - 4, column_out = 0;
        for (int x = 0; x < side; x++) {
            int column = x / scale - 4;
            int dark =
                row >= 0 && row < code->size && column >= 0 && column < code->size && code->dark[row][column];
            putchar(dark ? '1' : '0');
            if (++column_out == 70 && x + 1 < side) { /* PBM lines should stay within 70 */
                putchar('\n');
                column_out = 0;
            }
        }
        putchar('\n');
    }
}

int main(int argc, char **argv) {
    int pbm = 0, scale = 4;
    const char *text = NULL, *label = NULL;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!strcmp(arg, "--svg")) {
            pbm = 0;
        } else if (!strcmp(arg, "--pbm")) {
            pbm = 1;
        } else if (!strncmp(arg, "--scale=", 8)) {
            char *end;
            errno = 0;
            long n = strtol(arg + 8, &end, 10);
            if (errno || *end || end == arg + 8 || n < 1 || n > 64) {
                fprintf(stderr, "wuye-qr: --scale wants 1-64 pixels, not '%s'\n", arg + 8);
                return 2;
            }
            scale = (int)n;
        } else if (!strncmp(arg, "--label=", 8)) {
            label = arg + 8;
        } else if (!strcmp(arg, "--") && i + 2 == argc) {
            text = argv[++i];
        } else if (arg[0] == '-' && arg[1] == '-') {
            usage();
            return 2;
        } else if (!text) {
            text = arg;
        } else {
            usage();
            return 2;
        }
    }
    if (!text) {
        usage();
        return 2;
    }
    qr_code code;
    if (qr_encode(text, strlen(text), &code) != 0) {
        fprintf(stderr, "wuye-qr: %lu bytes do not fit a QR code of version 10 (at most 213)\n",
                (unsigned long)strlen(text));
        return 1;
    }
    if (pbm) {
        print_pbm(&code, scale);
    } else {
        arena *a = arena_new();
        const char *svg = a ? qr_svg(a, text, (code.size + 8) * scale, label) : NULL;
        if (!svg) {
            fputs("wuye-qr: out of memory\n", stderr);
            arena_free(a);
            return 1;
        }
        puts(svg);
        arena_free(a);
    }
    return ferror(stdout) || fflush(stdout) ? 1 : 0;
}
