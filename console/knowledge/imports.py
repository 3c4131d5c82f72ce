"""Import from the browser: upload a spreadsheet (XLSX, CSV) or an HSDS zip, preview what it would
add, change (field by field) and remove, then publish. The preview is ``bot kb import`` run on a copy
of the knowledge folder; publishing runs it on the real folder (all or nothing, as on the terminal).
Nothing changes until "publish", and a file with errors cannot be published."""

from __future__ import annotations

import dataclasses
import io
import re
import secrets
import shutil
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bot.exchange.importer import import_file
from bot.exchange.tabular import describe
from bot.knowledge.loader import load_knowledge
from console.audit.models import record
from console.knowledge import files
from console.knowledge.views import _may_change

KINDS = (".xlsx", ".csv", ".zip")
MAX_UPLOAD = 20_000_000
SKIP = {"file", "line"}  # where an entry is, not what it says


KEEP_UPLOADS_S = 24 * 3600  # an upload never published is dropped after a day


def _uploads() -> Path:
    folder = Path(settings.ROOT) / "var" / "console-imports"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        if old.stat().st_mtime < time.time() - KEEP_UPLOADS_S:
            shutil.rmtree(old, ignore_errors=True)
    return folder


def _services(root: Path) -> dict:
    return {s.id: s for s in load_knowledge(root).kb.services}


def _changes(before, after) -> dict[str, list[str]]:
    out = {}
    for f in dataclasses.fields(before):
        old, new = getattr(before, f.name), getattr(after, f.name)
        if f.name not in SKIP and old != new:
            out[f.name] = [str(old), str(new)]
    return out


def preview(source: Path) -> dict:
    """What importing ``source`` would do, on a copy of the folder."""
    from bot.places.gazetteer import get_gazetteer

    with tempfile.TemporaryDirectory(prefix="kb-import-") as tmp:
        copy = Path(tmp) / files.root().name
        shutil.copytree(files.root(), copy)
        before = _services(copy)
        outcome = import_file(source, copy, get_gazetteer())
        after = _services(copy) if outcome.ok else {}
    shown = lambda p: describe(p).replace(str(source.parent) + "/", "")  # noqa: E731 - the name staff uploaded
    return {
        "ok": outcome.ok,
        "errors": [shown(p) for p in outcome.problems.errors],
        "warnings": [shown(p) for p in outcome.problems.warnings],
        "created": [after[i] for i in outcome.created if i in after],
        "updated": [{"s": after[i], "diff": _changes(before[i], after[i])} for i in outcome.updated
                    if i in before and i in after],
        "removed": outcome.removed,
    }


@login_required
def upload(request):
    if request.method != "POST":
        return render(request, "knowledge/import.html", {})
    _may_change(request)
    f = request.FILES.get("file")
    suffix = Path(f.name).suffix.lower() if f else ""
    if f is None or suffix not in KINDS or f.size > MAX_UPLOAD:
        messages.error(request, _("Choose an XLSX or CSV spreadsheet, or an HSDS zip package (at most 20 MB)."))
        return render(request, "knowledge/import.html", {}, status=400)
    token = secrets.token_hex(8)
    folder = _uploads() / token
    folder.mkdir()
    # keep the name staff gave it: the import's messages (file:row) and the import file are named after it
    name = re.sub(r"[^\w.-]", "_", Path(f.name).name).lstrip(".")
    name = name if name.lower().endswith(suffix) and len(name) > len(suffix) else f"upload{suffix}"
    with (folder / name).open("wb") as out:
        for chunk in f.chunks():
            out.write(chunk)
    result = preview(folder / name)
    request.session["kb_import"] = {"token": token, "name": name, "ok": result["ok"]}
    return render(request, "knowledge/import.html", {"preview": result, "name": name, "token": token},
                  status=200 if result["ok"] else 400)


@login_required
@require_POST
def publish(request):
    _may_change(request)
    pending = request.session.get("kb_import") or {}
    if pending.get("token") != request.POST.get("token") or not pending.get("ok"):
        messages.error(request, _("Nothing to publish: upload the file again and check its preview."))
        return redirect("kb_import")
    source = _uploads() / pending["token"] / pending["name"]
    outcome = import_file(source, files.root())
    shutil.rmtree(source.parent, ignore_errors=True)
    del request.session["kb_import"]
    if not outcome.ok:
        messages.error(request, "; ".join(describe(p) for p in outcome.problems.errors))
        return redirect("kb_import")
    record(request.user, "knowledge.import", target=f"import:{pending['name']}",
           detail={"file": str(outcome.target.relative_to(files.root())), "created": outcome.created,
                   "updated": outcome.updated, "removed": outcome.removed})
    messages.success(request, _("Published: %(n)d services. The bot answers with them within a few seconds.")
                     % {"n": len(outcome.created) + len(outcome.updated)})
    return redirect("services")


@login_required
@require_GET
def export(request, kind: str):
    """All services as ``bot kb export`` writes them: an XLSX sheet or an HSDS 3.0 zip."""
    from django.http import FileResponse, Http404

    from bot import clock
    from bot.exchange import spreadsheet
    from bot.exchange.hsds.write import export_package
    from bot.places.gazetteer import get_gazetteer

    if kind not in ("xlsx", "hsds"):
        raise Http404
    result = load_knowledge(files.root(), get_gazetteer())
    if not result.ok:
        messages.error(request, _("The knowledge folder has errors; fix them first (bot kb validate)."))
        return redirect("services")
    tmp = Path(tempfile.mkdtemp(prefix="kb-export-"))
    name = "services.xlsx" if kind == "xlsx" else "services-hsds.zip"
    if kind == "xlsx":
        spreadsheet.export_xlsx(result.kb, tmp / name)
    else:
        export_package(result.kb, tmp / name, clock.today())
    data = (tmp / name).read_bytes()
    shutil.rmtree(tmp, ignore_errors=True)
    return FileResponse(io.BytesIO(data), as_attachment=True, filename=name)
