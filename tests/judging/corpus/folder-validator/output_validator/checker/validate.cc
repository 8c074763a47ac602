#include <fstream>
#include <iostream>
#include <string_view>

#include <validate.h>  // angle brackets: the folder is on the include path

// Written in C++20, as problem setters do (string_view::starts_with): package programs build with gnu++20.
static_assert(std::string_view("validate").starts_with("val"));

// validate input answer feedback_dir [tolerance] < output
int main(int argc, char** argv) {
    if (argc < 4) return 1;
    double tolerance = argc > 4 ? std::atof(argv[4]) : 1e-9;
    std::ifstream answer_file(argv[2]);
    double answer = 0, got = 0;
    answer_file >> answer;
    if (!(std::cin >> got)) return verdict(argv[3], false, "no number");
    return verdict(argv[3], std::fabs(got - answer) <= tolerance, "too far from the answer");
}
