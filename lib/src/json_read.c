#include "json_read.h"
