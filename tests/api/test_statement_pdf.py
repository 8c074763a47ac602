"""A package whose statement is only a PDF (DOMjudge's export): its page links to the PDF, served as it is."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.api.conftest import Client, Daemon

EXPORT = Path(__file__).resolve().parents[1] / "judging" / "corpus" / "domjudge-export"


async def test_a_pdf_only_statement_is_linked_and_served(client: Client, daemon: Daemon) -> None:
    shutil.copytree(EXPORT, daemon.root / "domjudge-export")
    await daemon.sync()
    page = await client.get("/v1/problems/domjudge-export")
    assert page.status == 200, await page.text()
    body = await page.json()
    assert body["title"] == "Sum of Two"
    assert "(/v1/problems/domjudge-export/statement.pdf)" in body["statement"]
    pdf = await client.get("/v1/problems/domjudge-export/statement.pdf")
    assert pdf.status == 200
    assert pdf.content_type == "application/pdf"
    assert await pdf.read() == (EXPORT / "problem.pdf").read_bytes()


async def test_a_problem_without_a_pdf_statement_is_a_404(client: Client) -> None:
    response = await client.get("/v1/problems/balance-point/statement.pdf")
    assert response.status == 404
    assert (await response.json())["error"]["code"] == "not_found"
    missing = await client.get("/v1/problems/no-such-problem/statement.pdf")
    assert missing.status == 404
