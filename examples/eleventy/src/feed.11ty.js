export const data = { permalink: "/feed.json" };
export function render({ collections }) {
	return JSON.stringify(collections.posts.map((post) => post.url));
}
