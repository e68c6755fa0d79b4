#include <gtest/gtest.h>

#include "audio_synth.hpp"

namespace gatehouse::mock {
namespace {

TEST(AudioSynth, Mp3IsWholeSilentFrames) {
  auto mp3 = silentMp3(1.0);
  ASSERT_FALSE(mp3.empty());
  EXPECT_EQ(mp3.size() % 417, 0u);
  EXPECT_EQ(mp3.size() / 417, 39u); // ceil(1 s / 26.12 ms)
  for (std::size_t at = 0; at < mp3.size(); at += 417) {
    ASSERT_EQ(static_cast<unsigned char>(mp3[at]), 0xFF);
    ASSERT_EQ(static_cast<unsigned char>(mp3[at + 1]), 0xFB);
  }
}

TEST(AudioSynth, WavHeaderDescribesItsData) {
  auto wav = silentWav(1.5);
  EXPECT_EQ(wav.substr(0, 4), "RIFF");
  EXPECT_EQ(wav.substr(8, 8), "WAVEfmt ");
  EXPECT_EQ(wav.size(), 44u + 72000u); // 1.5 s of 16-bit mono at 24 kHz
  EXPECT_DOUBLE_EQ(wavDurationSeconds(wav), 1.5);
}

TEST(AudioSynth, PcmIsRawSamples) {
  EXPECT_EQ(silentPcm(0.5).size(), 24000u);
}

TEST(AudioSynth, DurationOfNonWavIsNegative) {
  EXPECT_LT(wavDurationSeconds("ID3 not a wave"), 0);
  EXPECT_LT(wavDurationSeconds(silentMp3(0.1)), 0);
  auto truncated = silentWav(1.0).substr(0, 30);
  EXPECT_LT(wavDurationSeconds(truncated), 0);
}

} // namespace
} // namespace gatehouse::mock
