/* test_notice_text.c: a notice's body as HTML: paragraphs, line breaks, escaping, and links
 * only around http(s) addresses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../../cgi-bin/domain/notice.h"

static arena *a;

static void expect(const char *text, const char *html) {
    const char *got = notice_body_html(a, text);
    assert_non_null(got);
    assert_string_equal(got, html);
}

static void paragraphs(void **state) {
    (void)state;
    expect("", "");
    expect("一行", "<p>一行</p>\n");
    expect("第一行\r\n第二行\n\n \n第二段\n", "<p>第一行<br>\n第二行</p>\n<p>第二段</p>\n");
}

static void escaping(void **state) {
    (void)state;
    expect("<script>alert('x') & \"y\"</script>",
           "<p>&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;</p>\n");
}

static void links(void **state) {
    (void)state;
    expect("见 https://a.test/x?b=1&c=2。",
           "<p>见 <a href=\"https://a.test/x?b=1&amp;c=2\" rel=\"noopener noreferrer "
           "nofollow\">https://a.test/x?b=1&amp;c=2</a>。</p>\n");
    expect("(http://b.test).",
           "<p>(<a href=\"http://b.test\" rel=\"noopener noreferrer nofollow\">http://b.test</a>).</p>\n");
    expect("javascript:alert(1) ftp://c.test xhttp://d.test http://",
           "<p>javascript:alert(1) ftp://c.test xhttp://d.test http://</p>\n");
    expect("\"http://e.test/\"onclick=x", "<p>&quot;<a href=\"http://e.test/\" rel=\"noopener noreferrer "
                                          "nofollow\">http://e.test/</a>&quot;onclick=x</p>\n");
}

int main(void) {
    a = arena_new();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(paragraphs),
        cmocka_unit_test(escaping),
        cmocka_unit_test(links),
    };
    int r = cmocka_run_group_tests_name("notice_text", tests, NULL, NULL);
    arena_free(a);
    return r;
}
