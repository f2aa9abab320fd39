import { defineConfig } from 'vitepress'

export default defineConfig({
  title: 'Lantern',
  description: 'A tiny build tool for paper lanterns',
  cleanUrls: true,
  themeConfig: {
    nav: [{ text: 'Guide', link: '/guide/' }],
  },
})
