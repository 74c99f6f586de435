/**
 * @file plan_builtin.c
 * @brief The compiled-in plan: a fleet of devices needs a role to upload
 * firmware in its project and an organization role to read usage, held by
 * the engineering group. All constant data, in flash on a device.
 */
#include "plan_builtin.h"

#define FIRMWARE_PROJECT "proj_def456"
#define ENGINEERING "group_01J1F8ENGINEER"

static const char *const fleet_permissions[] = { "api.usage.read" };
static const char *const deployer_permissions[] = { "api.files.write", "api.files.read" };

static const prov_role builtin_roles[] = {
    {
        .scope = PROV_SCOPE_ORG,
        .name = "Device Fleet Reader",
        .description_state = OARC_FIELD_SET,
        .description = "Reads usage for the device fleet",
        .permissions = fleet_permissions,
        .permission_count = sizeof(fleet_permissions) / sizeof(fleet_permissions[0]),
        .create_if_missing = true,
    },
    {
        .scope = PROV_SCOPE_PROJECT,
        .project_id = FIRMWARE_PROJECT,
        .name = "Firmware Deployer",
        .description_state = OARC_FIELD_SET,
        .description = "Uploads firmware files",
        .permissions = deployer_permissions,
        .permission_count = sizeof(deployer_permissions) / sizeof(deployer_permissions[0]),
        .create_if_missing = false,
    },
};

static const prov_assignment builtin_assignments[] = {
    {
        .principal = PROV_PRINCIPAL_GROUP,
        .principal_id = ENGINEERING,
        .scope = PROV_SCOPE_ORG,
        .role_name = "Device Fleet Reader",
    },
    {
        .principal = PROV_PRINCIPAL_GROUP,
        .principal_id = ENGINEERING,
        .scope = PROV_SCOPE_PROJECT,
        .project_id = FIRMWARE_PROJECT,
        .role_name = "Firmware Deployer",
    },
};

static const prov_plan builtin_plan = {
    .roles = builtin_roles,
    .role_count = sizeof(builtin_roles) / sizeof(builtin_roles[0]),
    .assignments = builtin_assignments,
    .assignment_count = sizeof(builtin_assignments) / sizeof(builtin_assignments[0]),
};

const prov_plan *prov_builtin_plan(void)
{
    return &builtin_plan;
}
