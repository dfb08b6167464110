"""Opens the files a test file wrote, for the strict check (strict-environment.ts): one launch per test file.

argv: the pipe of a running LibreOffice ("-" for none), then the files. Each .xlsx is opened by openpyxl; each file
by LibreOffice through UNO (loadComponentFromURL, hidden, read-only). Prints JSON: {"openpyxl": bool, "uno": bool,
"problems": {file: [reason, ...]}}.
"""
import json
import os
import sys
import time
import warnings

warnings.simplefilter("ignore")
pipe, files = sys.argv[1], sys.argv[2:]
problems = {}
out = {"openpyxl": False, "uno": False, "problems": problems}

try:
    import openpyxl

    out["openpyxl"] = True
except ImportError:
    openpyxl = None

if openpyxl:
    for f in files:
        if f.lower().endswith(".xlsx"):
            try:
                openpyxl.load_workbook(f).close()
            except Exception as e:  # noqa: BLE001 - any failure is the finding
                problems.setdefault(f, []).append(
                    "openpyxl cannot open it: %s: %s" % (type(e).__name__, str(e)[:300])
                )

if pipe != "-":
    try:
        import uno
        from com.sun.star.beans import PropertyValue
    except ImportError:
        uno = None
    if uno:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        ctx = None
        # The first test file of a worker waits for LibreOffice to start (a new profile takes seconds).
        deadline = time.time() + 120
        while ctx is None and time.time() < deadline:
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            except Exception:  # noqa: BLE001 - not listening yet
                time.sleep(0.2)
        if ctx is not None:
            out["uno"] = True
            desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)

            def prop(name, value):
                p = PropertyValue()
                p.Name, p.Value = name, value
                return p

            options = (prop("Hidden", True), prop("ReadOnly", True))
            for f in files:
                try:
                    url = uno.systemPathToFileUrl(os.path.abspath(f))
                    doc = desktop.loadComponentFromURL(url, "_blank", 0, options)
                    if doc is None:
                        problems.setdefault(f, []).append("LibreOffice could not open it")
                    else:
                        doc.close(True)
                except Exception as e:  # noqa: BLE001 - any failure is the finding
                    problems.setdefault(f, []).append(
                        "LibreOffice could not open it: %s" % str(e)[:300]
                    )

print(json.dumps(out))
