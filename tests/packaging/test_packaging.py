"""The build files for other ecosystems, checked statically (label packaging):
every file they list exists, every source of lib/ is listed, and each states
the version of project(VERSION). The ESP-IDF component and the Zephyr module
are configured by CMake against stand-ins for IDF's and Zephyr's functions,
which record what they were given; none of them is built with its real tool
here (README.md, "Using oarc in your build", says so).
"""
import glob
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def project_version():
    with open(os.path.join(ROOT, "CMakeLists.txt"), encoding="utf-8") as f:
        return re.search(r"^project\(oarc VERSION ([0-9.]+)", f.read(), re.M).group(1)


def lib_sources():
    return sorted(os.path.relpath(p, ROOT) for p in glob.glob(os.path.join(ROOT, "lib/src/*.c")))


# Prints every list of oarcFilePaths.cmake as NAME=a;b;c, one per line.
DUMP = """include({root}/oarcFilePaths.cmake)
foreach(v OARC_VERSION OARC_CORE_SOURCES OARC_CLIENT_SOURCES OARC_TLS_MBEDTLS2_SOURCES
          OARC_TLS_MBEDTLS3_SOURCES OARC_INCLUDE_PUBLIC_DIRS OARC_INCLUDE_PRIVATE_DIRS
          OARC_PORT_POSIX_SOURCES OARC_PORT_POSIX_INCLUDE_DIRS OARC_PORT_LWIP_SOURCES
          OARC_PORT_LWIP_INCLUDE_DIRS OARC_PORT_LWIP_RAW_SOURCES OARC_PORT_LWIP_RAW_INCLUDE_DIRS)
  message(NOTICE "${{v}}=${{${{v}}}}")
endforeach()
"""

# A project that includes oarc's CMakeLists.txt as ESP-IDF would, with
# idf_component_register recording its arguments.
IDF = """cmake_minimum_required(VERSION 3.25)
project(idf_stand_in C)
set(ESP_PLATFORM 1)
set(CONFIG_OARC_TLS_MBEDTLS_SIZE 4096)
function(idf_component_register)
  cmake_parse_arguments(A "" "" "SRCS;INCLUDE_DIRS;PRIV_INCLUDE_DIRS;REQUIRES" ${{ARGN}})
  foreach(k SRCS INCLUDE_DIRS PRIV_INCLUDE_DIRS REQUIRES)
    message(NOTICE "${{k}}=${{A_${{k}}}}")
  endforeach()
  add_library(__idf_oarc STATIC EXCLUDE_FROM_ALL ${{A_SRCS}})
  set(COMPONENT_LIB __idf_oarc PARENT_SCOPE)
endfunction()
add_subdirectory({root} oarc)
get_target_property(defs __idf_oarc INTERFACE_COMPILE_DEFINITIONS)
message(NOTICE "DEFINITIONS=${{defs}}")
"""

# The same for Zephyr's module functions, with CONFIG_OARC=y.
ZEPHYR = """cmake_minimum_required(VERSION 3.25)
project(zephyr_stand_in C)
set(CONFIG_OARC y)
set(CONFIG_OARC_PORT_POSIX y)
set(CONFIG_OARC_TLS_MBEDTLS_SIZE 4096)
foreach(f zephyr_include_directories zephyr_compile_definitions zephyr_library_named
          zephyr_library_sources zephyr_library_include_directories
          zephyr_library_link_libraries)
  cmake_language(EVAL CODE "function(${{f}})\\n message(NOTICE \\"${{f}}=\\${{ARGN}}\\")\\nendfunction()")
endforeach()
add_subdirectory({root}/zephyr oarc)
"""


def configure(body):
    """Run a stand-in project; its NOTICE lines as {key: [values...]}."""
    tmp = tempfile.mkdtemp(prefix="oarc-packaging-")
    try:
        with open(os.path.join(tmp, "CMakeLists.txt"), "w", encoding="utf-8") as f:
            f.write(body.format(root=ROOT))
        r = subprocess.run(["cmake", "-S", tmp, "-B", os.path.join(tmp, "build")],
                           capture_output=True, text=True, timeout=120)
        if r.returncode != 0:
            raise AssertionError("configure failed:\n" + r.stdout + r.stderr)
        return parse_notices(r.stderr)
    finally:
        shutil.rmtree(tmp, True)


def parse_notices(text):
    out = {}
    for line in text.splitlines():
        m = re.match(r"^([A-Za-z0-9_]+)=(.*)$", line)
        if m:
            out.setdefault(m.group(1), []).extend(v for v in m.group(2).split(";") if v)
    return out


class Packaging(unittest.TestCase):
    def assert_exist(self, paths, what):
        self.assertTrue(paths, what + ": empty")
        for p in paths:
            self.assertTrue(os.path.exists(os.path.join(ROOT, p)), "%s: %s does not exist" % (what, p))

    def test_file_paths_lists_every_source(self):
        with tempfile.NamedTemporaryFile("w", suffix=".cmake") as script:
            script.write(DUMP.format(root=ROOT))
            script.flush()
            r = subprocess.run(["cmake", "-P", script.name], capture_output=True, text=True,
                               timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        lists = parse_notices(r.stderr)
        print("\n".join("%s: %d" % (k, len(v)) for k, v in lists.items()))
        self.assertEqual(lists["OARC_VERSION"], [project_version()])
        for name, paths in lists.items():
            if name != "OARC_VERSION":
                self.assert_exist(paths, "oarcFilePaths.cmake " + name)
        listed = sorted(os.path.relpath(p, ROOT) for k in ("OARC_CORE_SOURCES",
                        "OARC_CLIENT_SOURCES", "OARC_TLS_MBEDTLS2_SOURCES",
                        "OARC_TLS_MBEDTLS3_SOURCES") for p in lists[k])
        self.assertEqual(listed, lib_sources(), "lib/src/*.c and oarcFilePaths.cmake differ")

    def test_esp_idf_component(self):
        with open(os.path.join(ROOT, "idf_component.yml"), encoding="utf-8") as f:
            manifest = f.read()
        self.assertRegex(manifest, r'(?m)^version: "%s"$' % re.escape(project_version()))
        self.assertRegex(manifest, r'(?m)^license: "MIT"$')
        got = configure(IDF)
        print(got)
        self.assert_exist(got["SRCS"], "idf SRCS")
        self.assert_exist(got["PRIV_INCLUDE_DIRS"], "idf PRIV_INCLUDE_DIRS")
        self.assertEqual(sorted(got["REQUIRES"]), ["lwip", "mbedtls"])
        srcs = [os.path.relpath(p, ROOT) for p in got["SRCS"]]
        self.assertEqual(sorted(s for s in srcs if s.startswith("lib/")),
                         [s for s in lib_sources() if not s.endswith("tls_mbedtls2.c")])
        self.assertIn("port/lwip/oarc_port_lwip.c", srcs)
        self.assertIn("OARC_TLS_MBEDTLS_SIZE=4096", got["DEFINITIONS"])
        # The generated version header is on the component's include path.
        generated = [d for d in got["INCLUDE_DIRS"] if d.endswith("generated/include")]
        self.assertEqual(len(generated), 1)
        self.assertTrue(any(os.path.exists(os.path.join(ROOT, d)) for d in got["INCLUDE_DIRS"]))

    def test_zephyr_module(self):
        with open(os.path.join(ROOT, "zephyr", "module.yml"), encoding="utf-8") as f:
            module = f.read()
        self.assertRegex(module, r"(?m)^name: oarc$")
        cmake_dir = re.search(r"(?m)^  cmake: (\S+)$", module).group(1)
        kconfig = re.search(r"(?m)^  kconfig: (\S+)$", module).group(1)
        self.assertTrue(os.path.exists(os.path.join(ROOT, cmake_dir, "CMakeLists.txt")))
        with open(os.path.join(ROOT, kconfig), encoding="utf-8") as f:
            symbols = set(re.findall(r"(?m)^config (\w+)$", f.read()))
        self.assertEqual(symbols, {"OARC", "OARC_TLS_MBEDTLS_SIZE", "OARC_PORT_POSIX"})
        with open(os.path.join(ROOT, cmake_dir, "CMakeLists.txt"), encoding="utf-8") as f:
            used = set(re.findall(r"CONFIG_(\w+)", f.read()))
        self.assertEqual(used - symbols, set(), "zephyr/CMakeLists.txt uses undeclared Kconfig")
        got = configure(ZEPHYR)
        print(got)
        srcs = [os.path.relpath(p, ROOT) for p in got["zephyr_library_sources"]]
        self.assert_exist(srcs, "zephyr sources")
        self.assertEqual(sorted(s for s in srcs if s.startswith("lib/")),
                         [s for s in lib_sources() if not s.endswith("tls_mbedtls2.c")])
        self.assertIn("port/posix/oarc_port_posix.c", srcs)
        self.assertIn("OARC_TLS_MBEDTLS_SIZE=4096", got["zephyr_compile_definitions"])
        self.assertEqual(got["zephyr_library_named"], ["oarc"])

    def test_platformio_library_json(self):
        with open(os.path.join(ROOT, "library.json"), encoding="utf-8") as f:
            lib = json.load(f)
        self.assertEqual(lib["version"], project_version())
        self.assertEqual(lib["license"], "MIT")
        build = lib["build"]
        self.assert_exist([build["includeDir"]] + [f[2:] for f in build["flags"]
                                                   if f.startswith("-I")], "library.json dirs")
        picked = set()
        for rule in build["srcFilter"]:
            sign, pattern = rule[0], rule[2:-1]
            matches = {os.path.relpath(p, ROOT)
                       for p in glob.glob(os.path.join(ROOT, build["srcDir"], pattern))
                       if os.path.isfile(p)}
            if pattern != "*":
                self.assertTrue(matches, "library.json srcFilter %s matches nothing" % rule)
            picked = picked | matches if sign == "+" else picked - matches
        print(sorted(picked))
        self.assertEqual(sorted(p for p in picked if p.startswith("lib/")),
                         [s for s in lib_sources() if not s.endswith("tls_mbedtls2.c")])
        self.assertIn("port/lwip/oarc_port_lwip.c", picked)
        for h in lib["headers"]:
            self.assertTrue(os.path.exists(os.path.join(ROOT, "lib/include", h)) or
                            os.path.exists(os.path.join(ROOT, "port/lwip", h)), h)
        self.assert_exist(lib["export"]["include"], "library.json export")


if __name__ == "__main__":
    unittest.main()
