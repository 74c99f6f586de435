"""oarc in someone else's build: the README's "Using the library" example,
taken from README.md (so the docs cannot rot), built as a consumer would:

  find_package    against `cmake --install` into a temporary prefix
  add_subdirectory  oarc's source tree inside the consumer's CMake project
  fetchcontent    the same through FetchContent_MakeAvailable (SOURCE_DIR)
  pkg_config      cc $(pkg-config --cflags --libs oarc-port-posix), same prefix

then run against the simulator: it must update the fixture's role over
verified TLS, which the simulator's state shows. Run by ctest (label consumer).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "sim"))

from oarc_sim import Simulator  # noqa: E402

SRC = os.environ.get("OARC_SOURCE_DIR", os.path.join(HERE, "..", ".."))
BUILD = os.environ.get("OARC_BUILD_DIR", "")
CC = os.environ.get("CC", "cc")
FLAGS = os.environ.get("OARC_CONSUMER_FLAGS", "").split()
ADMIN_KEY = "sk-admin-consumer-0123456789"
ROLE = "role_01J1F8ROLE01"
WARNINGS = ["-std=c11", "-Wall", "-Wextra", "-Wpedantic", "-Werror"]


def readme_example():
    """The first C block of README.md's "Using the library" section."""
    with open(os.path.join(SRC, "README.md"), encoding="utf-8") as f:
        text = f.read()
    section = text.split("\n## Using the library\n", 1)[1].split("\n## ", 1)[0]
    m = re.search(r"```c\n(.*?)```", section, re.S)
    assert m, "README.md: no ```c block under ## Using the library"
    return m.group(1)


def run(cmd, **kw):
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=280, **kw)
    if out.returncode != 0:
        raise AssertionError("%s failed (%d):\n%s\n%s" % (" ".join(cmd), out.returncode,
                                                          out.stdout[-4000:], out.stderr[-4000:]))
    return out


CMAKE_FIND_PACKAGE = """cmake_minimum_required(VERSION 3.25)
project(consumer LANGUAGES C)
find_package(oarc 0.1 REQUIRED)
add_executable(consumer main.c)
target_compile_options(consumer PRIVATE {warnings})
target_link_libraries(consumer PRIVATE oarc::port_posix)
"""

# As a subproject oarc gives the library and the POSIX port, no host tool.
CONSUMER_OF_SUBPROJECT = """foreach(t oarc_cli oarc_provisioner oarc_board_host test_status)
  if(TARGET ${{t}})
    message(FATAL_ERROR "oarc as a subproject built its own ${{t}}")
  endif()
endforeach()
add_executable(consumer main.c)
target_compile_options(consumer PRIVATE {warnings})
target_link_libraries(consumer PRIVATE oarc::port_posix)
"""

CMAKE_ADD_SUBDIRECTORY = """cmake_minimum_required(VERSION 3.25)
project(consumer LANGUAGES C)
add_subdirectory({src} oarc)
""" + CONSUMER_OF_SUBPROJECT

CMAKE_FETCHCONTENT = """cmake_minimum_required(VERSION 3.25)
project(consumer LANGUAGES C)
include(FetchContent)
FetchContent_Declare(oarc SOURCE_DIR {src})
FetchContent_MakeAvailable(oarc)
""" + CONSUMER_OF_SUBPROJECT


class Consumer(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="oarc-consumer-")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.app = os.path.join(self.tmp, "app")
        os.makedirs(self.app)
        with open(os.path.join(self.app, "main.c"), "w", encoding="utf-8") as f:
            f.write(readme_example())
        self.prefix = os.path.join(self.tmp, "prefix")

    def install(self):
        self.assertTrue(BUILD and os.path.isdir(BUILD), "OARC_BUILD_DIR must name oarc's build")
        run(["cmake", "--install", BUILD, "--prefix", self.prefix])
        for root, _, files in os.walk(self.prefix):
            for name in files:
                if name.endswith((".cmake", ".pc")):
                    with open(os.path.join(root, name), encoding="utf-8") as f:
                        body = f.read()
                    # Relocatable: nothing of this machine's paths in the package.
                    for bad in (BUILD, SRC, self.prefix, "/usr/lib/"):
                        self.assertNotIn(bad, body, "%s names %s" % (name, bad))

    def cmake_build(self, cmakelists, *args):
        with open(os.path.join(self.app, "CMakeLists.txt"), "w", encoding="utf-8") as f:
            f.write(cmakelists.format(src=SRC, warnings=" ".join(WARNINGS)))
        build = os.path.join(self.tmp, "build")
        flags = " ".join(FLAGS)
        run(["cmake", "-S", self.app, "-B", build, "-DCMAKE_C_COMPILER=" + CC,
             "-DCMAKE_C_FLAGS=" + flags, "-DCMAKE_EXE_LINKER_FLAGS=" + flags] + list(args))
        run(["cmake", "--build", build, "-j2"])
        return os.path.join(build, "consumer")

    def run_against_simulator(self, exe):
        sim = Simulator(admin_key=ADMIN_KEY)
        sim.start()
        self.addCleanup(sim.stop)
        before = [r for r in sim.state()["organization"]["roles"] if r["id"] == ROLE][0]
        self.assertIsNotNone(before["description"])  # the example sends null
        env = dict(os.environ, OPENAI_ADMIN_KEY=ADMIN_KEY, OPENAI_BASE_URL=sim.base_url,
                   OARC_CA_FILE=sim.ca_file)
        out = subprocess.run([exe], env=env, capture_output=True, text=True, timeout=60)
        print(out.stdout + out.stderr)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stdout.strip(), "%s: 2 permissions" % ROLE)
        after = [r for r in sim.state()["organization"]["roles"] if r["id"] == ROLE][0]
        self.assertGreater(after["updated_at"], before["updated_at"])
        self.assertEqual(sorted(after["permissions"]), ["api.groups.read", "api.groups.write"])
        self.assertIsNone(after["description"])

    def test_find_package(self):
        self.install()
        exe = self.cmake_build(CMAKE_FIND_PACKAGE, "-DCMAKE_PREFIX_PATH=" + self.prefix)
        self.run_against_simulator(exe)

    def test_add_subdirectory(self):
        exe = self.cmake_build(CMAKE_ADD_SUBDIRECTORY,
                               "-DOARC_MBEDTLS=" + os.environ.get("OARC_MBEDTLS", "system"))
        self.run_against_simulator(exe)

    def test_fetchcontent(self):
        exe = self.cmake_build(CMAKE_FETCHCONTENT,
                               "-DOARC_MBEDTLS=" + os.environ.get("OARC_MBEDTLS", "system"))
        self.run_against_simulator(exe)

    def test_pkg_config(self):
        self.install()
        pc_dirs = [os.path.join(root) for root, dirs, _ in os.walk(self.prefix)
                   if os.path.basename(root) == "pkgconfig"]
        self.assertEqual(len(pc_dirs), 1, pc_dirs)
        env = dict(os.environ, PKG_CONFIG_PATH=pc_dirs[0])
        pc = run(["pkg-config", "--cflags", "--libs", "oarc-port-posix"], env=env).stdout.split()
        version = run(["pkg-config", "--modversion", "oarc"], env=env).stdout.strip()
        with open(os.path.join(SRC, "CMakeLists.txt"), encoding="utf-8") as f:
            self.assertIn("project(oarc VERSION %s " % version, f.read())
        exe = os.path.join(self.tmp, "consumer")
        run([CC] + WARNINGS + FLAGS + [os.path.join(self.app, "main.c"), "-o", exe] + pc)
        self.run_against_simulator(exe)


if __name__ == "__main__":
    unittest.main()
