#include "oarc/oarc_roles.h"
