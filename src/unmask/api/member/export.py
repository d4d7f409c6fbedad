"""``POST /api/v1/member/export``: inspect a member's data export uploaded from ``/check``.

Public and rate-limited, like the checker: the answer comes only from the upload, nothing is
stored or logged, and nothing is fetched from anywhere. The upload is the export's ``.zip`` (as
the request body with ``Content-Type: application/zip``, or as multipart ``files``) or its CSV
files (multipart). It is bounded before decoding: the request body by ``BodyLimit`` (32 MiB),
the archive by ``UPLOAD_LIMITS`` (entries, declared uncompressed total, bytes inflated per
file), and the work by ``MAX_TEXTS`` (messages and notes read). Anything over is a 413 that
says which bound and points to ``unmask inspect-export`` for larger exports. ``?format=html``
answers with the HTML page instead of JSON.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from unmask.api.member.ratelimit import limit
from unmask.api.member.uploads import MiB
from unmask.export import ExportError, ExportLimits, ExportTooLargeError, inspect, read_upload
from unmask.export.render import render_html

router = APIRouter(prefix="/api/v1/member", tags=["member"])
UPLOAD_LIMITS = ExportLimits(max_members=2_000, max_total_bytes=256 * MiB, max_file_bytes=16 * MiB)
#: Messages and notes read per upload (the CLI has no such bound): the work is bounded too.
MAX_TEXTS = 2_000
_BIGGER = " (for a larger export, run `unmask inspect-export` on your own computer)"


async def _files(request: Request) -> list[tuple[str, bytes]]:
    kind = request.headers.get("content-type", "").split(";")[0].strip().casefold()
    if kind in ("application/zip", "application/x-zip-compressed", "application/octet-stream"):
        return [("export.zip", await request.body())]
    if kind != "multipart/form-data":
        raise HTTPException(415, "upload the export as a .zip file or as multipart form data")
    out = []
    async with request.form(max_files=20, max_fields=5) as form:  # closes the spooled files
        for item in form.getlist("files"):
            if isinstance(item, UploadFile):
                out.append((item.filename or "upload", await item.read()))
    if not out:
        raise HTTPException(422, "files: choose the export's .zip or its CSV files")
    return out


@router.post("/export", summary="Inspect your data export: approaches ranked by risk")
async def inspect_upload(request: Request, format: str = "json") -> Any:
    limit(request, "export")
    files = await _files(request)

    def work() -> Any:
        return inspect(read_upload(files, UPLOAD_LIMITS), max_texts=MAX_TEXTS)

    try:
        result = await run_in_threadpool(work)
    except ExportTooLargeError as exc:
        raise HTTPException(413, str(exc) + _BIGGER) from None
    except ExportError as exc:
        raise HTTPException(422, str(exc)) from None
    if format == "html":
        return HTMLResponse(render_html(result))
    body: dict[str, Any] = result.as_dict(include_low=True)
    return JSONResponse(body)
