// SPDX-License-Identifier: Apache-2.0
// Replays a fuzz target's committed inputs (its seed corpus and every crash ever found) through
// the same LLVMFuzzerTestOneInput that libFuzzer drives, so any compiler and any preset of the
// suite (gcc debug, ASan+UBSan, TSan) checks them on every run without libFuzzer itself.
//   <target>_replay [--may-be-empty DIR] DIR_OR_FILE...
// Exits 1 when an argument is missing or a directory holds no input (a corpus that silently
// went away would otherwise pass; regression folders start empty, hence --may-be-empty), and
// crashes like the fuzzer would on a bad input.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    LLVMFuzzerInitialize(&argc, &argv);
    std::size_t total = 0;
    for (int i = 1; i < argc; ++i) {
        const bool may_be_empty = std::string(argv[i]) == "--may-be-empty" && i + 1 < argc;
        if (may_be_empty) ++i;
        const fs::path arg(argv[i]);
        std::vector<fs::path> inputs;
        std::error_code ec;
        if (fs::is_directory(arg, ec)) {
            for (const auto& entry : fs::directory_iterator(arg)) {
                if (entry.is_regular_file() && entry.path().filename() != "README.md") inputs.push_back(entry.path());
            }
            std::sort(inputs.begin(), inputs.end());
            if (inputs.empty() && !may_be_empty) {
                std::fprintf(stderr, "replay: %s holds no input\n", argv[i]);
                return 1;
            }
        } else if (fs::is_regular_file(arg, ec)) {
            inputs.push_back(arg);
        } else {
            std::fprintf(stderr, "replay: %s does not exist\n", argv[i]);
            return 1;
        }
        for (const auto& path : inputs) {
            const std::string bytes = read_file(path);
            // Announced first, so the input that brings the process down is the last one named.
            std::fprintf(stderr, "replay: %s\n", path.filename().c_str());
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
        }
        total += inputs.size();
    }
    std::printf("replayed %zu inputs\n", total);
    return 0;
}
