// The docs and blog of the classic preset, in their default folders.
export default {
  title: "Tide gauge",
  url: "https://gauge.example.org",
  baseUrl: "/",
  presets: [["classic", { docs: {}, blog: {} }]],
};
