#!/bin/sh
# run.sh: builds the libFuzzer targets with clang and runs each for a while.
# Usage: tests/fuzz/run.sh [OUTPUT_DIR (default /tmp/wuye-fuzz)] [SECONDS_EACH (default 20)]
# Exits non-zero when a target fails to build or finds a crash; crashing inputs are
# kept in OUTPUT_DIR/artifacts/ and the corpora in OUTPUT_DIR/corpus/ for the next run.
set -eu

out=${1:-/tmp/wuye-fuzz}
seconds=${2:-20}
case $seconds in
'' | *[!0-9]*)
    echo "run.sh: SECONDS_EACH must be a whole number, got '$seconds'" >&2
    exit 2
    ;;
esac

here=$(cd "$(dirname "$0")" && pwd)
core=$(cd "$here/../../cgi-bin/core" && pwd)
domain=$(cd "$here/../../cgi-bin/domain" && pwd)
cc=${CC_FUZZ:-clang}
cflags="-std=c11 -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all"
sources="$core/arena.c $core/form.c $core/utf8.c $core/field.c"

mkdir -p "$out/bin" "$out/artifacts" "$out/corpus/form" "$out/corpus/multipart" "$out/corpus/csv"

# Seeds, so the fuzzer starts from well-formed inputs instead of finding structure alone.
seed() { # seed DIR NAME: stdin becomes one seed file
    cat >"$out/corpus/$1/seed-$2"
}
printf 't=%%E6%%8A%%A5%%E4%%BF%%AE&i=-12&e=a&p=13800138000&dt=2024-02-29T23:59&d=2024-02-29&u=1-1-101' | seed form 1
printf 'm=line1%%0D%%0Aline2&m=x&m=y&t=a+b&p=010-12345678' | seed form 2
printf 'wuye_r=abc.def; theme="dark"; lang=zh-CN' | seed form 3
printf 'multipart/form-data; boundary="----WebKitFormBoundaryAbC123"; charset=utf-8' | seed form 4
printf '%%zz&a=%%00&%%' | seed form 5
printf 'XyZ\n--XyZ\r\nContent-Disposition: form-data; name="title"\r\n\r\n\346\212\245\344\277\256\r\n--XyZ\r\nContent-Disposition: form-data; name="photo"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\377\330\000\001\r\n\000\377\331\r\n--XyZ\r\nContent-Disposition: form-data; name="doc"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n--XyZ--\r\n' | seed multipart 1
printf 'XyZ\n--XyZ\r\nContent-Disposition: form-data; name="note"\r\n\r\na\r\nb\r\n--XyZ--' | seed multipart 2
printf '\357\273\277building,unit,floor,area_m2,type,state,owner_name,owner_phone,owner_id_number,relation,since\r\n1,1-1-101,1,89.50,residence,occupied,\345\274\240\344\274\237,13800000001,,owner,2021-06-01\r\n1,1-1-101,,,,,"\345\274\240,""\345\260\217""\n\351\233\250",,,family,\r\n' | seed csv 1
printf 'a,b\n"x""y",\n\n1,2,3\n"open,\n' | seed csv 2
printf 'name\n\325\305\310\375\nok\r\n"q"x\n\300\257\n' | seed csv 3
printf 'XyZ\npreamble\r\n--XyZ \t\r\ncontent-disposition: FORM-DATA; NAME=title\r\nX-Other: 1\r\n\r\nx\r\n--XyZ--\r\nepilogue' | seed multipart 3

cat >"$out/multipart.dict" <<'EOF'
"--"
"\x0d\x0a"
"\x0d\x0a\x0d\x0a"
"--XyZ"
"\x0d\x0a--XyZ"
"--XyZ--"
"Content-Disposition: form-data"
"Content-Type: "
"; name=\""
"; filename=\""
"name=title"
"name=photo"
"name=doc"
"\x00"
EOF
cat >"$out/form.dict" <<'EOF'
"%"
"%00"
"%0D%0A"
"%E6%8A%A5"
"+"
"&"
"="
"; "
"\""
"boundary="
"multipart/form-data"
"t="
"m="
"i="
"dt="
"2024-02-29T"
"1-1-"
"\xed\xa0\x80"
"\xc0\xaf"
"\xf4\x8f\xbf\xbf"
EOF

cat >"$out/csv.dict" <<'EOF'
"\x22"
"\x22\x22"
","
"\x0d\x0a"
"\x0a"
"\x0d"
"\xef\xbb\xbf"
"\xe5\xbc\xa0"
"\xc0\xaf"
"\xed\xa0\x80"
"\x00"
EOF

status=0
for name in form multipart csv; do
    bin="$out/bin/fuzz_$name"
    echo "== building fuzz_$name"
    extra=
    [ "$name" = csv ] && extra="$domain/import_csv.c"
    # shellcheck disable=SC2086 # flags and sources are word lists
    if ! $cc $cflags -o "$bin" "$here/fuzz_$name.c" $sources $extra; then
        echo "run.sh: fuzz_$name failed to build" >&2
        status=1
        continue
    fi
    echo "== running fuzz_$name for ${seconds}s"
    if ! "$bin" -max_len=65536 -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
        -dict="$out/$name.dict" -artifact_prefix="$out/artifacts/$name-" "$out/corpus/$name" \
        >"$out/fuzz_$name.log" 2>&1; then
        echo "run.sh: fuzz_$name found a problem; see $out/fuzz_$name.log and $out/artifacts/" >&2
        tail -n 40 "$out/fuzz_$name.log" >&2
        status=1
    else
        grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$out/fuzz_$name.log" || true
    fi
done
exit $status
