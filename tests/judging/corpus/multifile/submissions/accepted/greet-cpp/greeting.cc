#include "greeting.hpp"

greeting::greeting(std::string name) : name_(std::move(name)) {}

std::string greeting::text() const { return "Hello, " + name_ + "!"; }
