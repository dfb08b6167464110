// Entry of the custom functions bundle: each family registers itself (the metadata plugin adds CustomFunctions.associate).

import "./criteria";
import "./targets";
import "./money";
import "./allocation";
import "./indicators";
import "./indicator-targets";
