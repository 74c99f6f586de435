#include "oarc_port_posix.h"
