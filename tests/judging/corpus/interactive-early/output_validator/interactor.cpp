#include <fstream>
#include <iostream>
#include <string>

// interactor input answer feedback_dir < submission's output > submission's input
int main(int argc, char** argv) {
    std::ifstream input(argv[1]);
    long n = 0;
    input >> n;
    std::string line(1000, 'x');
    std::cout << n << "\n";
    for (long i = 0; i < n; ++i) std::cout << line << "\n";  // 300 KB and more: no pipe holds it
    std::cout.flush();
    long answer = -1;
    if (!(std::cin >> answer)) return 43;
    return answer == n ? 42 : 43;
}
