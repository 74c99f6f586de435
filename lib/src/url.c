#include "url.h"
