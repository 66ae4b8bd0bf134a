#!/usr/bin/env bash
# Run copydesk over a folder of articles on Spark (local mode) and check that the findings
# equal those of one plain `copydesk check`. Needs Java 17 or later and access to PyPI.
#
#   scripts/spark/run.sh [DIR]
#
# DIR defaults to /work/shared/corpus/bbc_news when it exists, else to the repository's
# own fixture articles copied 24 times under different names. Set VENV to reuse a
# virtual environment (default target/spark-venv).
set -euo pipefail
cd "$(dirname "$0")/../.."

venv="${VENV:-target/spark-venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check pyspark

cargo build --release --quiet
binary="$PWD/target/release/copydesk"

articles="${1:-}"
if [ -z "$articles" ]; then
  if [ -d /work/shared/corpus/bbc_news ]; then
    articles=/work/shared/corpus/bbc_news
  else
    articles="$PWD/target/spark-articles"
    rm -rf "$articles"
    mkdir -p "$articles"
    for i in $(seq -w 1 24); do
      for article in tests/fixtures/articles/*; do
        cp "$article" "$articles/copy-$i-$(basename "$article")"
      done
    done
  fi
fi

exec "$venv/bin/python" scripts/spark/copydesk_spark.py --copydesk "$binary" "$articles"
