/* test_ticket_gram.c: the bigrams of a description, the ones the text search looks up. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "../../cgi-bin/domain/ticket_gram.h"

static arena *pool;

static int setup(void **state) {
    (void)state;
    pool = arena_new();
    return pool ? 0 : -1;
}

static int teardown(void **state) {
    (void)state;
    arena_free(pool);
    return 0;
}

/* Splits text and checks its grams are exactly expected (NULL-terminated), in order. */
static void grams_are(const char *text, const char *const *expected) {
    ticket_gram *grams;
    size_t count;
    assert_int_equal(ticket_gram_split(pool, text, &grams, &count), 0);
    size_t n = 0;
    while (expected[n])
        n++;
    assert_int_equal(count, n);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(grams[i].text, expected[i]);
}

static void chinese_characters_pair_up(void **state) {
    (void)state;
    grams_are("马桶漏水", (const char *const[]){"马桶", "桶漏", "漏水", NULL});
}

static void ascii_letters_are_lowercased_and_mixed_with_chinese(void **state) {
    (void)state;
    grams_are("车库B1漏水", (const char *const[]){"车库", "库b", "b1", "1漏", "漏水", NULL});
    grams_are("WiFi", (const char *const[]){"wi", "if", "fi", NULL});
}

static void punctuation_and_spaces_are_characters_like_the_others(void **state) {
    (void)state;
    grams_are("好，谢 谢", (const char *const[]){"好，", "，谢", "谢 ", " 谢", NULL});
    grams_are("a\"\\", (const char *const[]){"a\"", "\"\\", NULL});
}

static void a_gram_is_kept_once(void **state) {
    (void)state;
    grams_are("哈哈哈哈", (const char *const[]){"哈哈", NULL});
    grams_are("AbAB", (const char *const[]){"ab", "ba", NULL});
}

static void fewer_than_two_characters_have_none(void **state) {
    (void)state;
    ticket_gram *grams;
    size_t count = 9;
    assert_int_equal(ticket_gram_split(pool, "", &grams, &count), 0);
    assert_int_equal(count, 0);
    assert_int_equal(ticket_gram_split(pool, "水", &grams, &count), 0);
    assert_int_equal(count, 0);
    assert_int_equal(ticket_gram_split(pool, "x", &grams, &count), 0);
    assert_int_equal(count, 0);
}

static void four_byte_characters_fit(void **state) {
    (void)state;
    grams_are("😀𠀀a", (const char *const[]){"😀𠀀", "𠀀a", NULL});
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(chinese_characters_pair_up),
        cmocka_unit_test(ascii_letters_are_lowercased_and_mixed_with_chinese),
        cmocka_unit_test(punctuation_and_spaces_are_characters_like_the_others),
        cmocka_unit_test(a_gram_is_kept_once),
        cmocka_unit_test(fewer_than_two_characters_have_none),
        cmocka_unit_test(four_byte_characters_fit),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
