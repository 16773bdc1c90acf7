/* arena.c: the per-request bump allocator: a chain of malloc'd blocks, freed together.
 * The first block survives arena_reset so a steady stream of requests reuses it. */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 16 is what malloc guarantees on x86-64 and aarch64 (max_align_t); SSE loads need it. */
#define ARENA_ALIGN 16
/* Big enough for a typical page's request, strings and template values. */
#define ARENA_BLOCK_SIZE (16 * 1024)
/* Anything larger gets a block of its own, so one upload does not waste the rest of a
 * shared block and a reset does not keep megabytes around. */
#define ARENA_LARGE (ARENA_BLOCK_SIZE / 4)

typedef struct block {
    struct block *next;
    size_t cap;  /* bytes usable after the header */
    size_t used; /* bytes handed out, alignment padding included */
} block;

/* The data area starts after the header, rounded up so it starts aligned. */
#define BLOCK_HEADER (((sizeof(block) + ARENA_ALIGN - 1) / ARENA_ALIGN) * ARENA_ALIGN)

struct arena {
    block *head;  /* the block bump allocations come from; older blocks follow */
    block *first; /* the block kept by arena_reset */
};

static block *block_new(size_t cap) {
    if (cap > SIZE_MAX - BLOCK_HEADER - ARENA_ALIGN) {
        return NULL;
    }
    /* ARENA_ALIGN spare bytes: the data is aligned by address, not by offset, so this
     * stays correct even if malloc ever returned something less aligned. */
    block *b = malloc(BLOCK_HEADER + cap + ARENA_ALIGN);
    if (b == NULL) {
        return NULL;
    }
    b->next = NULL;
    b->cap = cap + ARENA_ALIGN;
    b->used = 0;
    return b;
}

static unsigned char *block_data(block *b) {
    return (unsigned char *)b + BLOCK_HEADER;
}

/* An aligned pointer to n bytes inside b, or NULL when b has no room. */
static void *block_take(block *b, size_t n) {
    uintptr_t start = (uintptr_t)(block_data(b) + b->used);
    size_t pad = (size_t)((ARENA_ALIGN - start % ARENA_ALIGN) % ARENA_ALIGN);
    if (pad > b->cap - b->used || n > b->cap - b->used - pad) {
        return NULL;
    }
    void *p = block_data(b) + b->used + pad;
    b->used += pad + n;
    return p;
}

arena *arena_new(void) {
    arena *a = malloc(sizeof(*a));
    if (a == NULL) {
        return NULL;
    }
    a->first = block_new(ARENA_BLOCK_SIZE);
    if (a->first == NULL) {
        free(a);
        return NULL;
    }
    a->head = a->first;
    return a;
}

void *arena_alloc(arena *a, size_t n) {
    /* Distinct non-NULL pointers even for zero-size requests, as malloc gives. */
    if (n == 0) {
        n = 1;
    }
    void *p;
    if (n > ARENA_LARGE) {
        block *b = block_new(n);
        if (b == NULL) {
            return NULL;
        }
        /* Behind head, so the shared block keeps serving small allocations. */
        b->next = a->head->next;
        a->head->next = b;
        p = block_take(b, n);
    } else {
        p = block_take(a->head, n);
        if (p == NULL) {
            block *b = block_new(ARENA_BLOCK_SIZE);
            if (b == NULL) {
                return NULL;
            }
            b->next = a->head;
            a->head = b;
            p = block_take(b, n);
        }
    }
    if (p != NULL) {
        memset(p, 0, n);
    }
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t n) {
    if (n == SIZE_MAX) {
        return NULL;
    }
    char *p = arena_alloc(a, n + 1);
    if (p == NULL) {
        return NULL;
    }
    /* memcpy, not strndup semantics: callers copy binary parts that hold NUL bytes. */
    if (n > 0) {
        memcpy(p, s, n);
    }
    p[n] = '\0';
    return p;
}

char *arena_strdup(arena *a, const char *s) {
    return arena_strndup(a, s, strlen(s));
}

char *arena_printf(arena *a, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        return NULL;
    }
    char *p = arena_alloc(a, (size_t)n + 1);
    if (p == NULL) {
        return NULL;
    }
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void arena_reset(arena *a) {
    block *b = a->head;
    while (b != NULL) {
        block *next = b->next;
        if (b != a->first) {
            free(b);
        }
        b = next;
    }
    a->first->next = NULL;
    a->first->used = 0;
    a->head = a->first;
}

void arena_free(arena *a) {
    if (a == NULL) {
        return;
    }
    arena_reset(a);
    free(a->first);
    free(a);
}
