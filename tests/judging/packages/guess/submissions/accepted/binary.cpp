#include <iostream>
#include <string>
int main() {
    int low = 1, high = 1000;
    std::string answer;
    while (true) {
        int mid = (low + high) / 2;
        std::cout << mid << std::endl;
        std::cin >> answer;
        if (answer == "=") return 0;
        if (answer == "<") high = mid - 1; else low = mid + 1;
    }
}
