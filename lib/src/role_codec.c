#include "role_codec.h"
