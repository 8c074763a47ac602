// @EXPECTED_RESULTS@: CORRECT
#include <iostream>
#include "greeting.hpp"

int main() {
    std::string name;
    std::cin >> name;
    std::cout << greeting(name).text() << std::endl;
}
