/* test_common.c — the shared containers: arena, buf, vec, strmap, u64map. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/arena.h"
#include "common/buf.h"
#include "common/strmap.h"
#include "common/u64map.h"
#include "common/vec.h"
#include "testutil.h"

static void test_arena_keeps_every_string(void **state)
{
    (void)state;
    arena a;
    arena_init(&a);
    char *keep[5000];
    char tmp[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(tmp, sizeof tmp, "word-%d", i);
        keep[i] = arena_strdup(&a, tmp);
        assert_non_null(keep[i]);
    }
    for (int i = 0; i < 5000; i += 499) {
        snprintf(tmp, sizeof tmp, "word-%d", i);
        assert_string_equal(keep[i], tmp);
    }
    void *big = arena_alloc(&a, 1 << 20); /* larger than a block */
    assert_non_null(big);
    assert_int_equal(((unsigned char *)big)[12345], 0);
    arena_free(&a);
}

static void test_buf_printf_and_json_escape(void **state)
{
    (void)state;
    buf b = {0};
    assert_true(buf_printf(&b, "%d-%s", 42, "x"));
    assert_true(buf_json_escape(&b, "a\"b\\c\nd\x01", 8));
    assert_string_equal(b.data, "42-xa\\\"b\\\\c\\nd\\u0001");
    char *s = buf_take(&b);
    assert_null(b.data);
    assert_string_equal(s, "42-xa\\\"b\\\\c\\nd\\u0001");
    free(s);
}

/* Text is escaped eight bytes at a time between the bytes that need it: each escape at every offset
 * of a sentence, with letters beyond ASCII around it, comes out as the one-byte-at-a-time rule says. */
static void test_json_escape_at_every_offset(void **state)
{
    (void)state;
    static const char text[] = "The caf\xc3\xa9 on the \xe2\x80\x9cHarbour\xe2\x80\x9d bridge opened at 6 a.m. today";
    static const char *const escapes[][2] = {{"\"", "\\\""}, {"\\", "\\\\"}, {"\n", "\\n"}, {"\t", "\\t"},
                                             {"\r", "\\r"}, {"\x1f", "\\u001f"}, {"\x01", "\\u0001"}};
    size_t n = sizeof text - 1;
    for (size_t e = 0; e < sizeof escapes / sizeof *escapes; e++) {
        for (size_t at = 0; at <= n; at++) {
            char in[128], want[160];
            snprintf(in, sizeof in, "%.*s%s%s", (int)at, text, escapes[e][0], text + at);
            snprintf(want, sizeof want, "%.*s%s%s", (int)at, text, escapes[e][1], text + at);
            buf b = {0};
            assert_true(buf_json_escape(&b, in, strlen(in)));
            assert_string_equal(b.data, want);
            buf_free(&b);
        }
    }
}

static void test_vec_grows(void **state)
{
    (void)state;
    VEC(int) v = {0};
    for (int i = 0; i < 10000; i++) assert_true(vec_push(&v, i * 3));
    assert_int_equal(v.len, 10000);
    assert_int_equal(v.items[9999], 29997);
    vec_free(&v);
    assert_null(v.items);
}

static void test_strmap_interns_in_order(void **state)
{
    (void)state;
    strmap m;
    strmap_init(&m);
    bool added;
    assert_int_equal(strmap_intern(&m, "bridge", 6, &added), 0);
    assert_true(added);
    assert_int_equal(strmap_intern(&m, "harbour", 7, &added), 1);
    assert_int_equal(strmap_intern(&m, "bridge", 6, &added), 0);
    assert_false(added);
    char key[16];
    for (int i = 0; i < 20000; i++) {
        int n = snprintf(key, sizeof key, "k%d", i);
        assert_int_equal(strmap_intern(&m, key, (size_t)n, NULL), (uint32_t)i + 2);
    }
    assert_int_equal(strmap_find(&m, "k19999", 6), 20001);
    assert_int_equal(strmap_find(&m, "absent", 6), STRMAP_NONE);
    assert_string_equal(m.keys[1], "harbour");
    strmap_free(&m);
}

/* Short keys are matched by a packed form of their bytes, long ones by hash and bytes: every string
 * of 0 to 20 bytes over {a, b} (differing anywhere, beginning, middle or end) keeps its own id. */
static void test_strmap_tells_similar_keys_apart(void **state)
{
    (void)state;
    strmap m;
    strmap_init(&m);
    char key[24];
    uint32_t next = 0;
    for (size_t len = 0; len <= 20; len++) {
        size_t count = len <= 12 ? (size_t)1 << len : 4096; /* longer: the first 12 bits vary */
        for (size_t bits = 0; bits < count; bits++) {
            for (size_t i = 0; i < len; i++) key[i] = (bits >> (i % 12) & 1) ? 'b' : 'a';
            if (len > 12) key[len - 1] = (char)('a' + bits % 2); /* and the last byte */
            bool added;
            uint32_t id = strmap_intern(&m, key, len, &added);
            if (added) assert_int_equal(id, next++);
            assert_int_equal(strmap_find(&m, key, len), id);
            assert_int_equal(m.key_lens[id], len);
            assert_memory_equal(m.keys[id], key, len);
        }
    }
    assert_true(next > 8000);
    strmap_free(&m);
}

/* buf_put_g6 writes what printf's %.6g writes: scores of every size, round numbers, ties in
 * decimal, values on decade boundaries and those it leaves to printf. */
static void test_put_g6_is_printf(void **state)
{
    (void)state;
    static const double fixed[] = {0, -0.0, 1, 2.5, 0.5, 1.5, 0.0001, 0.00011, 9.999995, 9.9999949, 99999.95,
                                   999999.5, 999999.4, 1e6, 1e-5, 0.000099999995, 123456.5, 0.1234565, 34.2009,
                                   -3.25, 1.0 / 3, 2.0 / 3, 1e300, 5e-324};
    char want[64];
    buf b = {0};
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++) {
        buf_clear(&b);
        assert_true(buf_put_g6(&b, fixed[i]));
        snprintf(want, sizeof want, "%.6g", fixed[i]);
        assert_string_equal(b.data, want);
    }
    uint64_t x = 88172645463325252ULL; /* xorshift: values from 1e-6 to 1e7, and six-digit ties */
    for (int i = 0; i < 300000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        double v = (double)(x >> 11) / 9007199254740992.0 * pow(10, (double)(x % 14) - 6);
        if (i % 3 == 0) v = (double)(x % 10000000) / 10 * pow(10, (double)(x % 9) - 4) + (i % 2 ? 0.5 : 0);
        buf_clear(&b);
        assert_true(buf_put_g6(&b, v));
        snprintf(want, sizeof want, "%.6g", v);
        assert_string_equal(b.data, want);
    }
    buf_free(&b);
}

static void test_u64map_clear_and_reuse(void **state)
{
    (void)state;
    u64map m = {0};
    for (uint64_t k = 0; k < 5000; k++) assert_int_equal(u64map_intern(&m, k * 7919 + (k << 40)), k);
    assert_int_equal(u64map_find(&m, 3 * 7919 + (3ULL << 40)), 3);
    u64map_clear(&m);
    assert_int_equal(u64map_find(&m, 3 * 7919 + (3ULL << 40)), U64MAP_NONE);
    assert_int_equal(u64map_intern(&m, 99), 0);
    /* many clears later the stamps wrap round: nothing from before may come back */
    for (uint64_t k = 0; k < 300; k++) u64map_intern(&m, k);
    m.stamp = UINT32_MAX;
    u64map_clear(&m);
    assert_int_equal(m.len, 0);
    for (uint64_t k = 0; k < 300; k++) assert_int_equal(u64map_find(&m, k), U64MAP_NONE);
    assert_int_equal(u64map_find(&m, 3 * 7919 + (3ULL << 40)), U64MAP_NONE); /* stamped 1, as now */
    assert_int_equal(u64map_intern(&m, 299), 0);
    assert_int_equal(u64map_intern(&m, 5), 1);
    assert_int_equal(u64map_find(&m, 299), 0);
    u64map_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arena_keeps_every_string), cmocka_unit_test(test_buf_printf_and_json_escape),
        cmocka_unit_test(test_json_escape_at_every_offset),
        cmocka_unit_test(test_vec_grows),                cmocka_unit_test(test_strmap_interns_in_order),
        cmocka_unit_test(test_strmap_tells_similar_keys_apart),
        cmocka_unit_test(test_put_g6_is_printf),
        cmocka_unit_test(test_u64map_clear_and_reuse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
