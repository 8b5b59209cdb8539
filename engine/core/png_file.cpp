#include "core/png_file.h"

#include <png.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "core/error.h"

namespace distlab::engine {

void writePng(const std::string& path, int width, int height, int channels,
              std::span<const std::uint8_t> pixels) {
  if (width <= 0 || height <= 0 || (channels != 1 && channels != 3) ||
      pixels.size() != static_cast<std::size_t>(width) * height * channels) {
    throw Error(path + ": cannot write a " + std::to_string(width) + "x" +
                std::to_string(height) + " picture of " + std::to_string(channels) +
                " channels from " + std::to_string(pixels.size()) + " bytes");
  }
  const std::string part = path + ".part";
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(width);
  image.height = static_cast<png_uint_32>(height);
  image.format = channels == 1 ? PNG_FORMAT_GRAY : PNG_FORMAT_RGB;
  const bool written =
      png_image_write_to_file(&image, part.c_str(), 0, pixels.data(), 0, nullptr) != 0;
  const std::string why = image.message;
  png_image_free(&image);
  std::error_code ec;
  if (written) std::filesystem::rename(part, path, ec);
  if (!written || ec) {
    std::filesystem::remove(part, ec);
    throw Error("cannot write " + path + ": " + (written ? "rename failed" : why));
  }
}

}  // namespace distlab::engine
