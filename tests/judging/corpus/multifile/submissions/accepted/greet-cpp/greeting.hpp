// No include guard: DOMjudge compiles main.cc and greeting.cc separately.
#include <string>

class greeting {
public:
    explicit greeting(std::string name);
    std::string text() const;

private:
    std::string name_;
};
