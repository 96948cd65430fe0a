{
  "targets": [
    {
      "target_name": "crc32c",
      "sources": ["src/crc32c.cc", "src/binding.cc"],
      "include_dirs": [
        "<!(node -p \"require('node-addon-api').include_dir\")",
        "<!(node tools/find-headers.js)"
      ],
      "defines": ["NAPI_DISABLE_CPP_EXCEPTIONS"],
      "cflags_cc": ["-O3"],
      "conditions": [
        ["target_arch=='x64'", { "cflags_cc": ["-msse4.2"] }],
        ["OS=='mac'", { "xcode_settings": { "OTHER_CPLUSPLUSFLAGS": ["-O3"] } }]
      ]
    }
  ]
}
