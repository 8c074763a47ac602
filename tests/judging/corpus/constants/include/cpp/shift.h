#pragma once
const long long SHIFT = {{shift}};
