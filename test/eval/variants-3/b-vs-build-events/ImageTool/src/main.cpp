#include <iostream>
#include "version.h"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "ImageTool " << IMAGETOOL_VERSION << "\nusage: ImageTool <file>\n";
        return 1;
    }
    std::cout << "processing " << argv[1] << "\n";
    return 0;
}
