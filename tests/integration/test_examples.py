"""The programs of examples/ against the simulator: each does what its
README row says (the seed update, the paged walk, the provisioner core on a
compiled-in plan, twice). Run by ctest (label integration), which sets
OARC_EXAMPLES to the directory of the built examples.
"""
import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "sim"))

from oarc_sim import Simulator  # noqa: E402

EXAMPLES = os.environ.get("OARC_EXAMPLES", "")
ADMIN_KEY = "sk-admin-examples-0123456789"
PROJECT = "proj_abc123"


class Examples(unittest.TestCase):
    def setUp(self):
        self.sim = Simulator(admin_key=ADMIN_KEY)
        self.sim.start()
        self.addCleanup(self.sim.stop)
        self.env = dict(os.environ, OPENAI_ADMIN_KEY=ADMIN_KEY, OPENAI_BASE_URL=self.sim.base_url,
                        OARC_CA_FILE=self.sim.ca_file)

    def example(self, name, *args):
        exe = os.path.join(EXAMPLES, name)
        self.assertTrue(os.path.exists(exe), "OARC_EXAMPLES must hold " + name)
        r = subprocess.run([exe] + list(args), env=self.env, capture_output=True, text=True,
                           timeout=60)
        print(r.stdout + r.stderr, end="")
        return r

    def test_example_seed_update(self):
        role = [r for r in self.sim.state()["projects"][PROJECT]["roles"]
                if not r.get("predefined_role")][0]
        r = self.example("seed_update", PROJECT, role["id"], "api.model.request",
                         "api.files.read")
        self.assertEqual(r.returncode, 0, r.stderr)
        after = [x for x in self.sim.state()["projects"][PROJECT]["roles"]
                 if x["id"] == role["id"]][0]
        self.assertEqual(sorted(after["permissions"]), ["api.files.read", "api.model.request"])
        self.assertIsNone(after["description"])
        self.assertEqual(after["name"], role["name"])

    def test_example_list_walk(self):
        r = self.example("list_walk")
        self.assertEqual(r.returncode, 0, r.stderr)
        ids = [r_["id"] for r_ in self.sim.state()["organization"]["roles"]]
        printed = [line.split(" ", 1)[0] for line in r.stdout.splitlines()[:-1]]
        self.assertEqual(sorted(printed), sorted(ids))
        self.assertIn("%d roles in" % len(ids), r.stdout.splitlines()[-1])
        self.assertTrue(r.stdout.rstrip().endswith("OARC_ITER_END"))

    def test_example_provision_builtin_converges_then_writes_nothing(self):
        first = self.example("provision_builtin")
        self.assertEqual(first.returncode, 0, first.stderr)
        self.assertEqual(first.stdout, "role 0: created\nassignment 0: assigned\n")
        second = self.example("provision_builtin")
        self.assertEqual(second.returncode, 0, second.stderr)
        self.assertEqual(second.stdout, "role 0: unchanged\nassignment 0: unchanged\n")


if __name__ == "__main__":
    unittest.main()
