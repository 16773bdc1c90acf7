/* import_csv.c: the strict CSV reader of import_csv.h. One pass over the bytes; a row
 * with a problem is reported and skipped, and only problems that leave the rest of the
 * file unreadable (an unclosed quote, a bare CR, too many rows) end the reading. */
#include "import_csv.h"

#include <string.h>

#include "../core/utf8.h"

int import_problem_add(arena *a, import_problems *problems, size_t row, const char *column,
                       const char *message) {
    problems->total++;
    if (problems->count >= IMPORT_CSV_MAX_PROBLEMS)
        return 0;
    if (problems->count == problems->capacity) {
        size_t capacity = problems->capacity ? problems->capacity * 2 : 16;
        import_problem *items = arena_alloc(a, capacity * sizeof *items);
        if (!items)
            return -1;
        if (problems->count)
            memcpy(items, problems->items, problems->count * sizeof *items);
        problems->items = items;
        problems->capacity = capacity;
    }
    problems->items[problems->count++] = (import_problem){row, column, message};
    return 0;
}

/* Appends a parsed row to out, growing its array in the arena. 0 or -1. */
static int add_row(arena *a, import_csv *out, size_t *capacity, size_t number, const char **cells, size_t n) {
    if (out->row_count == *capacity) {
        size_t grown = *capacity ? *capacity * 2 : 64;
        import_csv_row *rows = arena_alloc(a, grown * sizeof *rows);
        if (!rows)
            return -1;
        if (out->row_count)
            memcpy(rows, out->rows, out->row_count * sizeof *rows);
        out->rows = rows;
        *capacity = grown;
    }
    const char **copy = arena_alloc(a, n * sizeof *copy);
    if (!copy)
        return -1;
    memcpy(copy, cells, n * sizeof *copy);
    out->rows[out->row_count++] = (import_csv_row){number, copy};
    return 0;
}

/* Copies the quoted field's bytes [from, to) into the arena with each "" made one ". */
static char *unquote(arena *a, const char *from, const char *to, size_t *out_len) {
    char *s = arena_alloc(a, (size_t)(to - from) + 1);
    if (!s)
        return NULL;
    size_t n = 0;
    for (const char *p = from; p < to; p++) {
        s[n++] = *p;
        if (*p == '"')
            p++; /* the second quote of the pair */
    }
    s[n] = '\0';
    *out_len = n;
    return s;
}

/* The state of one record being read. */
typedef struct record {
    size_t number;
    const char *cells[IMPORT_CSV_MAX_COLUMNS];
    size_t count;        /* fields seen (may exceed the cells kept) */
    const char *error;   /* the first problem of the row, or NULL */
    size_t error_column; /* its field (1-based), 0 for the row */
} record;

static void record_fail(record *r, size_t column, const char *message) {
    if (!r->error) {
        r->error = message;
        r->error_column = column;
    }
}

/* Skips to just past the end of the current line (used after a stray character). */
static size_t skip_line(const char *data, size_t len, size_t pos) {
    while (pos < len && data[pos] != '\n')
        pos++;
    return pos < len ? pos + 1 : pos;
}

int import_csv_parse(arena *a, const char *data, size_t len, import_csv *out, import_problems *problems) {
    memset(out, 0, sizeof *out);
    size_t pos = 0, number = 0, capacity = 0;
    if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
        pos = 3;
    bool have_header = false;
    record r;
    while (pos < len) {
        if (data[pos] == '\n' || (data[pos] == '\r' && pos + 1 < len && data[pos + 1] == '\n')) {
            number++; /* an empty line: a spreadsheet still counts it */
            pos += data[pos] == '\r' ? 2 : 1;
            continue;
        }
        number++;
        if (have_header && out->data_rows >= IMPORT_CSV_MAX_ROWS) {
            out->stopped = true;
            return import_problem_add(a, problems, number, NULL,
                                      "文件超过 20000 行数据，其余未读：请分成几个文件分别导入");
        }
        memset(&r, 0, sizeof r);
        r.number = number;
        bool end = false;
        while (!end) {
            const char *value;
            size_t vlen;
            size_t column = r.count + 1;
            if (pos < len && data[pos] == '"') {
                size_t start = ++pos;
                bool closed = false;
                while (pos < len) {
                    if (data[pos] == '"') {
                        if (pos + 1 < len && data[pos + 1] == '"') {
                            pos += 2;
                            continue;
                        }
                        closed = true;
                        break;
                    }
                    pos++;
                }
                if (!closed) {
                    out->stopped = true;
                    return import_problem_add(a, problems, number, NULL,
                                              "引号没有闭合：从这一行起到文件末尾都在一个带引号的字段里");
                }
                if (!(value = unquote(a, data + start, data + pos, &vlen)))
                    return -1;
                pos++; /* the closing quote */
                if (pos < len && data[pos] != ',' && data[pos] != '\n' &&
                    !(data[pos] == '\r' && pos + 1 < len && data[pos + 1] == '\n')) {
                    record_fail(
                        &r, column,
                        "引号后面紧跟着其他字符：带引号的字段应以引号结束，字段中的引号写成两个（\"\"）");
                    pos = skip_line(data, len, pos);
                    r.count++;
                    break;
                }
            } else {
                size_t start = pos;
                while (pos < len && data[pos] != ',' && data[pos] != '\n' && data[pos] != '\r') {
                    if (data[pos] == '"')
                        record_fail(
                            &r, column,
                            "字段中有引号：含引号的内容要整个字段加引号，并把其中的引号写成两个（\"\"）");
                    pos++;
                }
                if (pos < len && data[pos] == '\r' && !(pos + 1 < len && data[pos + 1] == '\n')) {
                    out->stopped = true;
                    return import_problem_add(
                        a, problems, number, NULL,
                        "单独的回车符（CR）不是换行：请另存为以 CRLF 或 LF 换行的 CSV 文件");
                }
                if (!(value = arena_strndup(a, data + start, pos - start)))
                    return -1;
                vlen = pos - start;
            }
            if (vlen > IMPORT_CSV_MAX_FIELD)
                record_fail(&r, column, "字段太长（超过 1000 字节）");
            else if (!utf8_valid(value, vlen))
                record_fail(&r, column,
                            "不是有效的 UTF-8 文本（或含有空字符）：请在表格软件中另存为“CSV UTF-8”格式");
            if (r.count < IMPORT_CSV_MAX_COLUMNS)
                r.cells[r.count] = value;
            r.count++;
            if (pos >= len) {
                end = true;
            } else if (data[pos] == ',') {
                pos++;
            } else {
                pos += data[pos] == '\r' ? 2 : 1;
                end = true;
            }
        }
        if (!have_header) {
            const char *why = r.error                            ? r.error
                              : r.count > IMPORT_CSV_MAX_COLUMNS ? "表头的列太多（最多 64 列）"
                                                                 : NULL;
            if (why) {
                out->stopped = true;
                return import_problem_add(a, problems, number, NULL,
                                          arena_printf(a, "表头无法读取：%s", why));
            }
            out->header = arena_alloc(a, r.count * sizeof *out->header);
            if (!out->header)
                return -1;
            memcpy(out->header, r.cells, r.count * sizeof *out->header);
            out->columns = r.count;
            have_header = true;
            continue;
        }
        out->data_rows++;
        if (!r.error && r.count != out->columns)
            record_fail(&r, 0,
                        arena_printf(a, "这一行有 %lu 列，表头有 %lu 列：含逗号的内容请加英文双引号",
                                     (unsigned long)r.count, (unsigned long)out->columns));
        if (r.error) {
            const char *column =
                r.error_column && r.error_column <= out->columns ? out->header[r.error_column - 1] : NULL;
            if (import_problem_add(a, problems, number, column, r.error) != 0)
                return -1;
            continue;
        }
        if (add_row(a, out, &capacity, number, r.cells, r.count) != 0)
            return -1;
    }
    if (!have_header) {
        out->stopped = true;
        return import_problem_add(a, problems, 0, NULL, "文件是空的：第一行应为表头");
    }
    return 0;
}
