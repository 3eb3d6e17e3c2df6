#!/usr/bin/env python3
"""Quarterly review: list every BigID data source and write them to a CSV
file, to compare with the data catalog.

Everything it needs comes from the environment, so no secret is ever
written into this file:

  BIGID_BASE_URL    BigID's address, without /api/v1, for example
                    https://bigid.example.com, or the playground's sandbox
                    at http://127.0.0.1:3000/sandbox
  BIGID_USER_TOKEN  a user token (Administration > Access Management), or
  BIGID_USERNAME and BIGID_PASSWORD
                    for the legacy sign-in of on-premises installations
  BIGID_OUTPUT      the CSV file to write (default: data-sources.csv)
  BIGID_PAGE_SIZE   data sources asked for per request (default: 100)

Needs Python 3.8 or later and nothing outside its standard library.
"""

import csv
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

COLUMNS = ["name", "type", "enabled", "location", "security_tier", "updated_at"]


def fail(message):
    print(f"quarterly-review: {message}", file=sys.stderr)
    sys.exit(1)


def call(base_url, method, path, token=None, body=None):
    """Sends one request; returns the parsed body, or stops on any status
    but 200. BigID labels its JSON text/html, so the body is parsed
    whatever its type."""
    headers = {}
    data = None
    if token is not None:
        headers["Authorization"] = token
    if body is not None:
        headers["Content-Type"] = "application/json"
        data = json.dumps(body).encode("utf-8")
    request = urllib.request.Request(
        base_url + path, data=data, headers=headers, method=method
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        detail = error.read(300).decode("utf-8", errors="replace")
        fail(f"{method} {path} answered {error.code}: {detail}")
    except (urllib.error.URLError, TimeoutError) as error:
        fail(f"could not reach {base_url}: {error}")
    try:
        return json.loads(text)
    except ValueError:
        fail(f"{method} {path} answered something that is not JSON: {text[:300]}")


def read_token(reply, field):
    """A refused sign-in is HTTP 200 with "success": false."""
    if isinstance(reply, dict) and reply.get("success") is True:
        return reply[field]
    message = reply.get("message") if isinstance(reply, dict) else reply
    fail(f"BigID refused the sign-in: {message}")


def sign_in(base_url):
    user_token = os.environ.get("BIGID_USER_TOKEN")
    if user_token:
        reply = call(base_url, "GET", "/api/v1/refresh-access-token", user_token)
        return read_token(reply, "systemToken")
    username = os.environ.get("BIGID_USERNAME")
    password = os.environ.get("BIGID_PASSWORD")
    if username and password:
        body = {"username": username, "password": password}
        reply = call(base_url, "POST", "/api/v1/sessions", body=body)
        return read_token(reply, "auth_token")
    fail("set BIGID_USER_TOKEN, or BIGID_USERNAME and BIGID_PASSWORD")


def list_all(base_url, token, page_size):
    """Pages through the list until skip reaches totalCount, which counts
    every data source, not just the ones in this reply."""
    sources = []
    pages = 0
    while True:
        query = urllib.parse.urlencode(
            {"skip": len(sources), "limit": page_size, "requireTotalCount": "true"}
        )
        reply = call(base_url, "GET", f"/api/v1/ds-connections?{query}", token)
        try:
            page = reply["data"]["ds_connections"]
            total = reply["data"]["totalCount"]
        except (KeyError, TypeError):
            fail(f"the list answered something unexpected: {str(reply)[:300]}")
        pages += 1
        sources.extend(page)
        if not page or len(sources) >= total:
            return sources, total, pages


def text_of(value):
    return "" if value is None else str(value)


def main():
    base_url = os.environ.get("BIGID_BASE_URL", "").rstrip("/")
    if not base_url:
        fail("set BIGID_BASE_URL, for example http://127.0.0.1:3000/sandbox")
    output = os.environ.get("BIGID_OUTPUT", "data-sources.csv")
    page_size_text = os.environ.get("BIGID_PAGE_SIZE", "100")
    if not page_size_text.isdigit() or int(page_size_text) < 1:
        fail(f"BIGID_PAGE_SIZE must be a whole number above 0, not '{page_size_text}'")

    token = sign_in(base_url)
    sources, total, pages = list_all(base_url, token, int(page_size_text))

    with open(output, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, quoting=csv.QUOTE_ALL, lineterminator="\n")
        writer.writerow(COLUMNS)
        for source in sources:
            writer.writerow([text_of(source.get(column)) for column in COLUMNS])
    print(
        f"Wrote {len(sources)} data sources to {output} "
        f"({len(sources)} of {total} listed, {pages} pages).",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
