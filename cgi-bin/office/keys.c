/* office/keys.c: /office/keys, what is out right now: every access card issued and every
 * key lent, with holder and since, and whether that agrees with the issue logs. */
#include "../core/clock.h"
#include "../core/page.h"
#include "../domain/archive.h"

static int keys_get(page_ctx *ctx) {
    archive_out_item *items;
    size_t n;
    long long cards_by_log, keys_by_log;
    int s = archive_out_now(ctx->arena, ctx->user.community_id, &items, &n, &cards_by_log, &keys_by_log);
    if (s < 0)
        return page_db_error(ctx, s);
    view *body = page_body(ctx, "office/keys.tpl", "钥匙门禁");
    if (!body)
        return 500;
    long long cards = 0, keys = 0;
    for (size_t i = 0; i < n; i++) {
        const archive_out_item *it = &items[i];
        bool card = it->kind[0] == 'c';
        if (card)
            cards++;
        else
            keys++;
        view *r = view_add(body, "ITEM");
        view_set(r, "KIND", it->kind);
        view_set(r, "KIND_NAME", card ? "门禁卡" : "钥匙");
        view_set_int(r, "ID", it->id);
        view_set(r, "LABEL", it->label);
        view_set_int(r, "UNIT_ID", it->unit_id);
        view_set(r, "UNIT_CODE", it->unit_code);
        view_set(r, "HOLDER", it->holder[0] ? it->holder : "—");
        view_set(r, "SINCE", clock_format(ctx->arena, it->since, ctx->user.community_zone, "%Y-%m-%d %H:%M"));
    }
    if (!n)
        view_show(body, "EMPTY");
    view_set_int(body, "CARDS_OUT", cards);
    view_set_int(body, "KEYS_OUT", keys);
    view_set_int(body, "CARDS_BY_LOG", cards_by_log);
    view_set_int(body, "KEYS_BY_LOG", keys_by_log);
    bool agree = cards == cards_by_log && keys == keys_by_log;
    view_set(body, "AGREE", agree ? "yes" : "no");
    view_show(body, agree ? "AGREES" : "DISAGREES");
    return 0;
}

static const page keys_page = {
    .name = "office/keys",
    .access = PAGE_STAFF,
    .get = keys_get,
};

int main(void) {
    return page_main(&keys_page);
}
