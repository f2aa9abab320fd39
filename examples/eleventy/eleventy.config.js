// An Eleventy 3 site: templates under src/, partials in src/_includes/.
export default function (eleventyConfig) {
	eleventyConfig.addPassthroughCopy("src/img");
}

export const config = {
	dir: {
		input: "src",
	},
};
