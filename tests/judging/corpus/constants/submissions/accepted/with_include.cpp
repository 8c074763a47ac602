// include/cpp/shift.h is added beside it
#include <iostream>
#include "shift.h"

int main() {
    long long n;
    std::cin >> n;
    std::cout << n + SHIFT << " shifted" << std::endl;
}
