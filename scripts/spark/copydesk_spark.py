"""Check a folder of articles with copydesk on Spark, and prove it matches a plain run.

The articles are read into records ({"id", "path", "text"}), piped through
`copydesk check --input jsonl --format jsonl` with `rdd.pipe()`, and the findings are
collected. They must equal those of `copydesk check --format jsonl` over the same folder,
compared as (path, rule, line, column, message) with their multiplicities.

    python copydesk_spark.py --copydesk target/release/copydesk ARTICLES_DIR

Exits 1 when the two runs differ.
"""

import argparse
import json
import os
import shlex
import subprocess
import sys
import time
from collections import Counter
from urllib.parse import unquote, urlparse

from pyspark import SparkFiles
from pyspark.sql import SparkSession

# The extensions copydesk checks when it walks a folder.
ARTICLE_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", help="folder of articles (walked recursively)")
    parser.add_argument("--copydesk", required=True, help="the copydesk binary, shipped to executors")
    parser.add_argument(
        "--executor-binary",
        help="run this path on executors instead of the shipped copy "
        "(e.g. ./copydesk with spark-submit --files on YARN)",
    )
    parser.add_argument("--master", default="local[2]", help="Spark master (default local[2])")
    parser.add_argument("--partitions", type=int, default=8, help="record partitions, one copydesk each")
    return parser.parse_args()


def local_path(uri):
    """A local file path from the file: URI Spark reports."""
    return unquote(urlparse(uri).path)


def to_record(pair):
    uri, text = pair
    path = local_path(uri)
    return json.dumps({"id": path, "path": path, "text": text})


def key(finding):
    return (finding["path"], finding["rule"], finding["line"], finding["column"], finding["message"])


def parse_lines(lines):
    """Findings, error lines and summaries of copydesk's JSON Lines output."""
    kinds = {"finding": [], "error": [], "summary": [], "stale_baseline": []}
    for line in lines:
        value = json.loads(line)
        kinds[value["type"]].append(value)
    return kinds


def spark_run(spark, args, folder):
    sc = spark.sparkContext
    if args.executor_binary:
        binary = args.executor_binary
    else:
        sc.addFile(os.path.abspath(args.copydesk))
        binary = SparkFiles.get(os.path.basename(args.copydesk))
    command = f"{shlex.quote(binary)} check --input jsonl --format jsonl --fail-on never"
    articles = (
        sc.wholeTextFiles(folder, minPartitions=args.partitions)
        .filter(lambda pair: local_path(pair[0]).lower().endswith(ARTICLE_EXTENSIONS))
        .repartition(args.partitions)
    )
    records = articles.map(to_record)
    # checkCode: a copydesk that exits 2 (a record it could not check) fails the job.
    output = records.pipe(command, checkCode=True).collect()
    return parse_lines(output)


def plain_run(args, folder):
    command = [args.copydesk, "check", "--format", "jsonl", "--fail-on", "never", folder]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return parse_lines(result.stdout.splitlines())


def main():
    args = parse_args()
    folder = os.path.abspath(args.articles)
    spark = (
        SparkSession.builder.master(args.master)
        .appName("copydesk")
        .config("spark.hadoop.mapreduce.input.fileinputformat.input.dir.recursive", "true")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        started = time.monotonic()
        piped = spark_run(spark, args, folder)
        spark_seconds = time.monotonic() - started
    finally:
        spark.stop()
    started = time.monotonic()
    plain = plain_run(args, folder)
    plain_seconds = time.monotonic() - started

    records = sum(s["files"] for s in piped["summary"])
    files = sum(s["files"] for s in plain["summary"])
    from_spark = Counter(key(f) for f in piped["finding"])
    from_plain = Counter(key(f) for f in plain["finding"])
    print(f"records checked on Spark:   {records} ({len(piped['summary'])} copydesk processes)")
    print(f"files checked by one run:   {files}")
    print(f"findings from Spark:        {sum(from_spark.values())}")
    print(f"findings from one run:      {sum(from_plain.values())}")
    print(f"record errors:              {len(piped['error'])}")
    print(f"Spark job wall time:        {spark_seconds:.1f} s")
    print(f"plain run wall time:        {plain_seconds:.2f} s")
    same = from_spark == from_plain and records == files and not piped["error"]
    if not same:
        for finding in sorted((from_spark - from_plain).elements())[:10]:
            print("only on Spark:", finding, file=sys.stderr)
        for finding in sorted((from_plain - from_spark).elements())[:10]:
            print("only in the plain run:", finding, file=sys.stderr)
        print("MISMATCH: Spark and the plain run disagree", file=sys.stderr)
        return 1
    print("OK: the Spark findings equal those of one plain run")
    return 0


if __name__ == "__main__":
    sys.exit(main())
