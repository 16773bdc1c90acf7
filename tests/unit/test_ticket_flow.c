/* test_ticket_flow.c: the ticket state machine, role grants, names, photo sniffing, and
 * the new-ticket forms' photo and category checks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "../../cgi-bin/domain/ticket.h"
#include "../../cgi-bin/domain/ticket_flow.h"
#include "../../cgi-bin/domain/ticket_form.h"

static ticket_status after(ticket_status s, ticket_event_type e) {
    ticket_status next = ST_COUNT;
    assert_true(ticket_flow_next(s, ST_ACCEPTED, e, &next));
    return next;
}

static void refused(ticket_status s, ticket_event_type e) {
    ticket_status next = ST_COUNT;
    assert_false(ticket_flow_next(s, ST_ACCEPTED, e, &next));
    assert_int_equal(next, ST_COUNT);
}

static void the_repair_flow(void **state) {
    (void)state;
    ticket_status s = ST_NEW;
    s = after(s, EV_ACCEPTED);
    assert_int_equal(s, ST_ACCEPTED);
    s = after(s, EV_DISPATCHED);
    assert_int_equal(s, ST_DISPATCHED);
    s = after(s, EV_STARTED);
    assert_int_equal(s, ST_IN_PROGRESS);
    s = after(s, EV_COMPLETED);
    assert_int_equal(s, ST_COMPLETED);
    s = after(s, EV_CALLBACK);
    assert_int_equal(s, ST_COMPLETED);
    s = after(s, EV_CLOSED);
    assert_int_equal(s, ST_CLOSED);
    s = after(s, EV_RATED);
    assert_int_equal(s, ST_CLOSED);
    s = after(s, EV_REOPENED);
    assert_int_equal(s, ST_ACCEPTED); /* CONTRACT: a reopened ticket goes back to accepted */
}

static void nonsense_is_refused(void **state) {
    (void)state;
    refused(ST_NEW, EV_STARTED); /* nobody was sent */
    refused(ST_NEW, EV_CLOSED);  /* nothing was done */
    refused(ST_NEW, EV_RATED);
    refused(ST_ACCEPTED, EV_CALLBACK);     /* callbacks follow completion */
    refused(ST_IN_PROGRESS, EV_WITHDRAWN); /* work has started */
    refused(ST_WITHDRAWN, EV_COMMENT);
    refused(ST_WITHDRAWN, EV_REOPENED);
    refused(ST_CLOSED, EV_COMPLETED);
    refused(ST_CLOSED, EV_ESCALATED);
    refused(ST_COMPLETED, EV_DISPATCHED);
    for (int s = 0; s < ST_COUNT; s++)
        refused((ticket_status)s, EV_CREATED); /* only ever the first event */
    ticket_status next;
    assert_false(ticket_flow_next(ST_COUNT, ST_ACCEPTED, EV_NOTE, &next));
    assert_false(ticket_flow_next(ST_NEW, ST_ACCEPTED, EV_COUNT, &next));
}

static void waiting_returns_where_it_was(void **state) {
    (void)state;
    ticket_status next;
    assert_int_equal(after(ST_IN_PROGRESS, EV_WAITING), ST_WAITING);
    assert_true(ticket_flow_next(ST_WAITING, ST_IN_PROGRESS, EV_COMMENT, &next));
    assert_int_equal(next, ST_IN_PROGRESS);
    assert_true(ticket_flow_next(ST_WAITING, ST_DISPATCHED, EV_COMMENT, &next));
    assert_int_equal(next, ST_DISPATCHED);
    refused(ST_NEW, EV_WAITING);
    /* Notes, replies and escalations leave the status alone. */
    assert_int_equal(after(ST_WAITING, EV_NOTE), ST_WAITING);
    assert_int_equal(after(ST_DISPATCHED, EV_REPLY), ST_DISPATCHED);
    assert_int_equal(after(ST_NEW, EV_ESCALATED), ST_NEW);
}

static void withdraw_before_work_starts(void **state) {
    (void)state;
    assert_int_equal(after(ST_NEW, EV_WITHDRAWN), ST_WITHDRAWN);
    assert_int_equal(after(ST_ACCEPTED, EV_WITHDRAWN), ST_WITHDRAWN);
    assert_int_equal(after(ST_DISPATCHED, EV_WITHDRAWN), ST_WITHDRAWN);
    refused(ST_COMPLETED, EV_WITHDRAWN);
}

static void role_grants(void **state) {
    (void)state;
    assert_true(ticket_role_may("frontdesk", EV_DISPATCHED));
    assert_false(ticket_role_may("frontdesk", EV_CLOSED));
    assert_true(ticket_role_may("supervisor", EV_CLOSED));
    assert_true(ticket_role_may("manager", EV_ESCALATED));
    assert_true(ticket_role_may("technician", EV_STARTED));
    assert_false(ticket_role_may("technician", EV_DISPATCHED));
    assert_false(ticket_role_may("technician", EV_CLOSED));
    assert_false(ticket_role_may("supervisor", EV_RATED)); /* the resident's */
    assert_false(ticket_role_may("cashier", EV_DISPATCHED));
    assert_false(ticket_role_may("nobody", EV_NOTE));
    assert_false(ticket_role_may(NULL, EV_NOTE));
    assert_true(ticket_roles_technician_only("technician"));
    assert_true(ticket_roles_technician_only("cashier,technician"));
    assert_false(ticket_roles_technician_only("technician,frontdesk"));
    assert_false(ticket_roles_technician_only("supervisor,technician"));
    assert_false(ticket_roles_technician_only("technicians"));
    assert_false(ticket_roles_technician_only(""));
    assert_false(ticket_roles_technician_only(NULL));
    assert_true(ticket_roles_desk("cashier,admin"));
    assert_false(ticket_roles_desk("technician,cashier"));
    assert_false(ticket_roles_desk("admins"));
}

static void names_and_codes(void **state) {
    (void)state;
    ticket_status s;
    ticket_event_type e;
    for (int i = 0; i < ST_COUNT; i++) {
        assert_true(ticket_status_parse(ticket_status_code((ticket_status)i), &s));
        assert_int_equal(s, i);
        assert_true(strlen(ticket_status_name((ticket_status)i)) > 0);
    }
    for (int i = 0; i < EV_COUNT; i++) {
        assert_true(ticket_event_parse(ticket_event_code((ticket_event_type)i), &e));
        assert_int_equal(e, i);
    }
    assert_false(ticket_status_parse("done", &s));
    assert_false(ticket_status_parse(NULL, &s));
    assert_string_equal(ticket_status_code(ST_IN_PROGRESS), "in_progress");
    assert_string_equal(ticket_kind_prefix("repair"), "BX");
    assert_string_equal(ticket_kind_prefix("complaint"), "TS");
    assert_string_equal(ticket_kind_name("praise"), "表扬");
    assert_null(ticket_kind_name("other"));
    assert_string_equal(ticket_channel_name("phone"), "电话");
    assert_string_equal(ticket_severity_name("urgent"), "紧急");
}

static void earliest_due_ignores_unset(void **state) {
    (void)state;
    assert_int_equal(ticket_earliest_due(0, 0), 0);
    assert_int_equal(ticket_earliest_due(0, 50), 50);
    assert_int_equal(ticket_earliest_due(70, 0), 70);
    assert_int_equal(ticket_earliest_due(70, 50), 50);
}

static void photos_by_content(void **state) {
    (void)state;
    assert_string_equal(ticket_photo_type("\xFF\xD8\xFF\xE0", 4), "image/jpeg");
    assert_string_equal(ticket_photo_type("\x89PNG\r\n\x1a\n....", 12), "image/png");
    assert_string_equal(ticket_photo_type("RIFF\x10\0\0\0WEBPVP8 ", 16), "image/webp");
    assert_null(ticket_photo_type("GIF89a", 6));
    assert_null(ticket_photo_type("<svg onload=alert(1)>", 21));
    assert_null(ticket_photo_type("\x89PNG", 4)); /* truncated signature */
    assert_null(ticket_photo_type("", 0));
}

static void form_photos_into_the_draft(void **state) {
    (void)state;
    param jpeg = {.name = "photo", .value = "\xFF\xD8\xFF\xE0", .len = 4, .filename = "a.jpg"};
    param gif = {.name = "photo", .value = "GIF89a", .len = 6, .filename = "b.gif"};
    const param *parts[] = {&jpeg, &gif, &jpeg};
    field_value photo = {.present = true, .more = parts, .nmore = 1};
    ticket_draft d = {0};
    assert_null(ticket_form_photos(&photo, &d));
    assert_int_equal(d.photo_count, 1);
    assert_ptr_equal(d.photos[0].data, jpeg.value);
    assert_int_equal(d.photos[0].len, 4);
    photo.nmore = 3;
    d.photo_count = 0;
    assert_ptr_equal(ticket_form_photos(&photo, &d), &gif); /* the page names it */
    assert_int_equal(d.photo_count, 1);
    photo.error = "照片最多 3 项";
    d.photo_count = 0;
    assert_null(ticket_form_photos(&photo, &d)); /* already refused: nothing added */
    assert_int_equal(d.photo_count, 0);
    field_value none = {.present = false};
    assert_null(ticket_form_photos(&none, &d));
    assert_int_equal(d.photo_count, 0);
}

static void form_category_of_its_kind(void **state) {
    (void)state;
    const ticket_category cats[] = {
        {.id = 1, .kind = "repair", .code = "water", .name = "水电"},
        {.id = 2, .kind = "complaint", .code = "noise", .name = "噪音"},
    };
    assert_ptr_equal(ticket_form_category(cats, 2, "complaint", "noise"), &cats[1]);
    assert_null(ticket_form_category(cats, 2, "repair", "noise")); /* another kind's */
    assert_null(ticket_form_category(cats, 2, "repair", ""));
    assert_null(ticket_form_category(cats, 2, NULL, "water"));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_repair_flow),
        cmocka_unit_test(nonsense_is_refused),
        cmocka_unit_test(waiting_returns_where_it_was),
        cmocka_unit_test(withdraw_before_work_starts),
        cmocka_unit_test(role_grants),
        cmocka_unit_test(names_and_codes),
        cmocka_unit_test(photos_by_content),
        cmocka_unit_test(earliest_due_ignores_unset),
        cmocka_unit_test(form_photos_into_the_draft),
        cmocka_unit_test(form_category_of_its_kind),
    };
    return cmocka_run_group_tests_name("ticket_flow", tests, NULL, NULL);
}
